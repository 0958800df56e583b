package dev.switchboard.model.compliance;

import dev.switchboard.model.contact.Channel;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A versioned, signed-off set of compliance rules. Immutable; built by {@link RulePackValidator}.
 *
 * @param federal            the federal window for voice and SMS (47 CFR §64.1200(c)(1)), every day
 * @param legalChannels      channels the legal windows (federal and state) apply to
 * @param channelDefaults    the product's default window per channel, which a campaign may narrow or widen
 * @param noJurisdiction     what to do when no zone or state can be derived
 * @param usZones            the zones the {@link NoJurisdictionPolicy#US_INTERSECTION} policy evaluates
 * @param conversationQuiet  collections: no call this long after a conversation about the debt
 * @param revokeAllMarketing an opt-out on one channel stops marketing on every channel
 * @param contentHash        SHA-256 of the pack file as loaded (what a four-eyes activation binds to), or null
 * @param scrubs             freshness of National DNC, RND and Genesys DNC data, and the RND "no data" policy
 */
public record RulePack(String packId, String version, LocalDate effectiveFrom, String signOff,
                       DayWindow federal, String federalCitation, Set<Channel> legalChannels,
                       Map<String, StateRule> states, Map<Channel, DayWindow> channelDefaults,
                       List<CapRule> caps, Duration conversationQuiet, String conversationCitation,
                       NoJurisdictionPolicy noJurisdiction, List<ZoneId> usZones, boolean revokeAllMarketing,
                       Keywords keywords, String contentHash, ScrubPolicy scrubs) {
    public enum NoJurisdictionPolicy { BLOCK, US_INTERSECTION }

    public RulePack {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(signOff, "signOff");
        Objects.requireNonNull(federal, "federal");
        legalChannels = Set.copyOf(legalChannels);
        states = Map.copyOf(states);
        channelDefaults = Map.copyOf(channelDefaults);
        caps = List.copyOf(caps);
        Objects.requireNonNull(conversationQuiet, "conversationQuiet");
        Objects.requireNonNull(noJurisdiction, "noJurisdiction");
        usZones = List.copyOf(usZones);
        Objects.requireNonNull(keywords, "keywords");
        scrubs = scrubs == null ? ScrubPolicy.DEFAULT : scrubs;
    }

    /** A pack with the default {@link ScrubPolicy}. */
    public RulePack(String packId, String version, LocalDate effectiveFrom, String signOff,
                    DayWindow federal, String federalCitation, Set<Channel> legalChannels,
                    Map<String, StateRule> states, Map<Channel, DayWindow> channelDefaults,
                    List<CapRule> caps, Duration conversationQuiet, String conversationCitation,
                    NoJurisdictionPolicy noJurisdiction, List<ZoneId> usZones, boolean revokeAllMarketing,
                    Keywords keywords, String contentHash) {
        this(packId, version, effectiveFrom, signOff, federal, federalCitation, legalChannels, states,
                channelDefaults, caps, conversationQuiet, conversationCitation, noJurisdiction, usZones,
                revokeAllMarketing, keywords, contentHash, ScrubPolicy.DEFAULT);
    }

    /** The same pack with the hash of the file it was read from. */
    public RulePack withContentHash(String hash) {
        return new RulePack(packId, version, effectiveFrom, signOff, federal, federalCitation, legalChannels, states,
                channelDefaults, caps, conversationQuiet, conversationCitation, noJurisdiction, usZones,
                revokeAllMarketing, keywords, hash, scrubs);
    }

    /** {@code packId@version}, as recorded on every decision. */
    public String label() {
        return packId + "@" + version;
    }
}
