package dev.switchboard.engine.forecast;

import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.throughput.SenderLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a forecast found: when the campaign would finish, what it would send when, what the gate would block or
 * defer and why, and how much of the API budget it would use.
 *
 * @param contacts          enrollments simulated (the list's contacts, or the list scaled to a number)
 * @param finish            when the last enrollment ends (null when some did not end within the horizon)
 * @param lastSend          the last touch (null when nothing was sent)
 * @param unfinished        enrollments still running at the horizon
 * @param sendsPerHour      touches per hour (UTC hour start) and channel; voice counts dialer attempts
 * @param smsSegments       segments of every SMS sent
 * @param blocksPerRule     touches the gate blocked, by rule
 * @param deferralsPerRule  times a touch was deferred, by rule (the gate's rules, {@code throughput.*},
 *                          {@code api.budget}, {@code dialer.lines})
 * @param exits             enrollments by exit reason
 * @param peakApiPerMinute  the most API requests in one minute (sends, status polls, dialer list writes and reads)
 * @param smsBoundBy        the limit that deferred SMS the most ({@code throughput.number}, {@code api.budget} …),
 *                          or "nothing" when no SMS waited for capacity
 * @param smsSendingTime    the time the sender needs for {@code smsSegments} at its own rate, windows aside
 * @param warnings          what the user should know (unapproved templates, a horizon reached …)
 */
public record ForecastReport(String campaign, int contacts, Instant start, Instant finish, Instant lastSend,
                             int unfinished, SortedMap<Instant, Map<Channel, Integer>> sendsPerHour,
                             Map<Channel, Integer> sendsPerChannel, long smsSegments,
                             Map<String, Integer> blocksPerRule, Map<String, Integer> deferralsPerRule,
                             Map<String, Integer> exits, int peakApiPerMinute, Instant peakApiMinute,
                             int apiBudgetPerMinute, long apiRequests, SenderLimits smsSender, String smsBoundBy,
                             Duration smsSendingTime, int dialerLines, long seed, Duration wallTime,
                             boolean cancelled, List<String> warnings) {

    /** The busiest hour of a channel, or null when the channel sent nothing. */
    public Map.Entry<Instant, Integer> peakHour(Channel channel) {
        Map.Entry<Instant, Integer> best = null;
        for (Map.Entry<Instant, Map<Channel, Integer>> e : sendsPerHour.entrySet()) {
            int n = e.getValue().getOrDefault(channel, 0);
            if (n > 0 && (best == null || n > best.getValue())) {
                best = Map.entry(e.getKey(), n);
            }
        }
        return best;
    }
}
