package dev.switchboard.model.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.compliance.KeywordMatcher.Match;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any opt-out keyword, however dressed (case, full-width forms, surrounding whitespace, punctuation, symbols),
 * is an opt-out. A failure names its seed; rerun one seed by putting it in the {@code @ValueSource}.
 */
class KeywordPropertiesTest {
    private static final List<String> OPT_OUT = List.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL",
            "END", "QUIT", "REVOKE", "OPT OUT", "OPTOUT", "OPT-OUT", "REMOVE", "ARRET");
    private static final String[] AROUND = {"", " ", "  ", "\t", "\n", "\r\n", ".", "!", "!!", "?", "\"", "'", "*",
            "(", ")", "-", "…", "🛑", "🙏", "\u00A0", "\u3000", "\uFEFF", "\u200B", "。", "！"};

    private static String dress(Random rnd, String keyword) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c == ' ') {
                sb.append(rnd.nextBoolean() ? " " : rnd.nextBoolean() ? "  " : "\u3000");
                continue;
            }
            char cased = rnd.nextBoolean() ? Character.toLowerCase(c) : c;
            if (rnd.nextInt(4) == 0 && cased >= '!' && cased <= '~') {
                sb.append((char) (cased - '!' + '\uFF01')); // the full-width form; NFKC maps it back
            } else {
                sb.append(cased);
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 5L, 2026L})
    void everyDressedOptOutKeywordIsAnOptOut(long seed) {
        Random rnd = new Random(seed);
        KeywordMatcher matcher = KeywordMatcherTest.MATCHER;
        for (int round = 0; round < 5_000; round++) {
            String keyword = OPT_OUT.get(rnd.nextInt(OPT_OUT.size()));
            String reply = AROUND[rnd.nextInt(AROUND.length)] + AROUND[rnd.nextInt(AROUND.length)]
                    + dress(rnd, keyword) + AROUND[rnd.nextInt(AROUND.length)] + AROUND[rnd.nextInt(AROUND.length)];
            assertThat(matcher.classify(reply))
                    .as("seed %d, round %d, reply [%s] for %s", seed, round, reply, keyword)
                    .isEqualTo(Match.OPT_OUT);
            String inText = "please " + keyword.toLowerCase(Locale.ROOT) + " now";
            assertThat(matcher.classify(inText)).as("seed %d, reply [%s]", seed, inText)
                    .isEqualTo(Match.POSSIBLE_REVOCATION);
        }
    }
}
