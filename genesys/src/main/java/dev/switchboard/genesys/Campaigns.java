package dev.switchboard.genesys;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Public shapes of voice and messaging campaigns. */
public final class Campaigns {

    private Campaigns() {
    }

    /**
     * A voice campaign ({@code Campaign}), the fields Switchboard reads or changes. On update, the non-null fields
     * are laid over the campaign as read, so unmodelled fields survive. {@code campaignStatus}: on, stopping, off,
     * complete, invalid, forced_off, forced_stopping (clients set only on/off).
     */
    public record VoiceCampaign(String id, String name, Integer version, String campaignStatus,
            DomainRef contactList, DomainRef queue, String dialingMode, List<Contacts.PhoneColumn> phoneColumns,
            List<DomainRef> dncLists, DomainRef callableTimeSet, List<DomainRef> ruleSets, String callerName,
            String callerAddress) {

        public VoiceCampaign withStatus(String status) {
            return new VoiceCampaign(id, name, version, status, contactList, queue, dialingMode, phoneColumns,
                    dncLists, callableTimeSet, ruleSets, callerName, callerAddress);
        }

        public VoiceCampaign withDncLists(List<DomainRef> lists) {
            return new VoiceCampaign(id, name, version, campaignStatus, contactList, queue, dialingMode,
                    phoneColumns, lists, callableTimeSet, ruleSets, callerName, callerAddress);
        }

        public VoiceCampaign withCallableTimeSet(DomainRef set) {
            return new VoiceCampaign(id, name, version, campaignStatus, contactList, queue, dialingMode,
                    phoneColumns, dncLists, set, ruleSets, callerName, callerAddress);
        }
    }

    /**
     * A messaging campaign ({@code MessagingCampaign}); smsConfig and emailConfig are kept as JSON.
     */
    public record MessagingCampaign(String id, String name, Integer version, String campaignStatus,
            DomainRef contactList, Integer messagesPerMinute, List<DomainRef> dncLists, DomainRef callableTimeSet,
            List<DomainRef> ruleSets, JsonNode smsConfig, JsonNode emailConfig) {

        public MessagingCampaign withStatus(String status) {
            return new MessagingCampaign(id, name, version, status, contactList, messagesPerMinute, dncLists,
                    callableTimeSet, ruleSets, smsConfig, emailConfig);
        }

        public MessagingCampaign withMessagesPerMinute(Integer value) {
            return new MessagingCampaign(id, name, version, campaignStatus, contactList, value, dncLists,
                    callableTimeSet, ruleSets, smsConfig, emailConfig);
        }

        public MessagingCampaign withDncLists(List<DomainRef> lists) {
            return new MessagingCampaign(id, name, version, campaignStatus, contactList, messagesPerMinute, lists,
                    callableTimeSet, ruleSets, smsConfig, emailConfig);
        }
    }

    /** Campaign progress counters. */
    public record Progress(DomainRef campaign, DomainRef contactList, Long numberOfContactsCalled,
            Long numberOfContactsMessaged, Long totalNumberOfContacts, Integer percentage,
            Map<String, Long> numberOfContactsSkipped) {
    }
}
