package dev.switchboard.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against the real sandbox over loopback, one capability per test. The sandbox validates every request
 * against openapi-subset.json and answers 400 otherwise; every response status is recorded and no 400 may appear.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxIntegrationTest {

    private static Sandbox sandbox;
    private static final Map<Integer, Integer> STATUSES = new ConcurrentHashMap<>();
    private static final List<String> BAD_REQUESTS = new CopyOnWriteArrayList<>();
    private GenesysClient client;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxConfig.defaults().withRequestsPerMinute(5000));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
        assertThat(BAD_REQUESTS).as("requests the sandbox's spec validation refused").isEmpty();
    }

    private GenesysClient.Builder builder() {
        OkHttpClient recording = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
            var response = chain.proceed(chain.request());
            STATUSES.merge(response.code(), 1, Integer::sum);
            if (response.code() == 400) {
                BAD_REQUESTS.add(chain.request().method() + " " + chain.request().url().encodedPath() + ": "
                        + response.peekBody(2000).string());
            }
            return response;
        }).build();
        return GenesysClient.builder(GenesysEndpoint.of(sandbox.apiBaseUrl(), sandbox.loginBaseUrl()),
                        new GenesysCredentials(sandbox.clientId(), sandbox.clientSecret()))
                .httpClient(recording)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(160), new Random(7)));
    }

    @org.junit.jupiter.api.BeforeEach
    void connect() {
        sandbox.faults().reset();
        client = builder().build();
    }

    @AfterEach
    void disconnect() {
        sandbox.faults().reset();
        client.close();
        assertThat(BAD_REQUESTS).isEmpty();
    }

    private String smsNumber() {
        return client.organization().smsPhoneNumbers().getFirst().phoneNumber();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    private Contacts.DialerContactList newList() {
        return client.contacts().createContactList(Contacts.DialerContactList.create(
                "it-" + UUID.randomUUID().toString().substring(0, 8), List.of("phone", "email", "name"),
                List.of(new Contacts.PhoneColumn("phone", "cell")), List.of(new Contacts.EmailColumn("email",
                        "personal"))));
    }

    private static List<Contacts.DialerContact> contacts(String listId, int n, int offset) {
        return IntStream.range(offset, offset + n).mapToObj(i -> Contacts.DialerContact.of("k" + i, listId, Map.of(
                "phone", "+1317555" + String.format("%04d", i), "email", "p" + i + "@example.org",
                "name", "Person " + i))).toList();
    }

    @Test
    void organizationTokenLimitsNumbersAndWrapupCodes() {
        assertThat(client.organization().tokenInfo().organization()).isNotNull();
        assertThat(client.configurePacingFromOrgLimits()).isEqualTo(5000);
        assertThat(client.pacer().budget()).isEqualTo(Pacer.budgetFor(5000));
        assertThat(client.organization().smsPhoneNumbers()).isNotEmpty();
        List<Org.WrapupCode> codes = client.organization().wrapupCodes();
        assertThat(codes).isNotEmpty();
        String code = codes.getFirst().id();
        Org.WrapupCodeMapping updated = client.organization().updateWrapupCodeMapping(m -> {
            var mapping = new java.util.HashMap<>(m.mapping() == null ? Map.<String, List<String>>of() : m.mapping());
            mapping.put(code, List.of("CONTACT_UNCALLABLE"));
            return m.withMapping(mapping);
        });
        assertThat(updated.mapping()).containsEntry(code, List.of("CONTACT_UNCALLABLE"));
        assertThat(client.organization().wrapupCodeMapping().mapping()).containsEntry(code,
                List.of("CONTACT_UNCALLABLE"));
    }

    @Test
    void sendsOneSmsAndOneEmailIntoTheLedger() {
        String to = "+13175550142";
        var sms = client.messaging().sendSms(new Messages.Sms(smsNumber(), to, "Hello from the client test"));
        assertThat(sms.messageId()).isNotBlank();
        assertThat(sms.conversationId()).isNotBlank();
        var email = client.messaging().sendEmail(new Messages.Email(Messages.EmailAddress.of("noreply@example.com"),
                Messages.EmailAddress.of("it-reader@example.org"), null, "Subject", "Text body", "<p>Html</p>"));
        assertThat(email.conversationId()).isNotBlank();
        assertThat(sandbox.ledger()).anySatisfy(e -> assertThat(e.address()).isEqualTo(to));
        assertThat(sandbox.ledger()).anySatisfy(e -> assertThat(e.address()).isEqualTo("it-reader@example.org"));

        var status = client.messaging().messageStatus(sms.conversationId(), sms.messageId());
        assertThat(status.status()).isNotBlank();
        assertThat(client.messaging().messageStatuses(sms.conversationId(), List.of(sms.messageId())))
                .extracting(Messages.MessageStatus::id).contains(sms.messageId());
        assertThat(client.messaging().emailConversation(email.conversationId()).get("id").asString())
                .isEqualTo(email.conversationId());
        assertThat(client.messaging().emailMessages(email.conversationId())).isNotNull();
    }

    @Test
    void smsOverTheCapNeverReachesTheSandbox() {
        int before = sandbox.ledger().size();
        assertThatThrownBy(() -> client.messaging().sendSms(new Messages.Sms(smsNumber(), "+13175550143",
                "x".repeat(766)))).isInstanceOf(InvalidRequestException.class);
        assertThat(sandbox.ledger()).hasSize(before);
    }

    @Test
    void contactListsAndContacts() {
        var list = newList();
        assertThat(list.id()).isNotBlank();
        var added = client.contacts().addContacts(list.id(), contacts(list.id(), 2500, 0),
                new Contacts.AddOptions(false, false, true), Priority.SEND);
        assertThat(added).hasSize(2500);
        assertThat(client.contacts().getContactList(list.id()).size()).isEqualTo(2500);

        List<String> ids = IntStream.range(0, 120).mapToObj(i -> "k" + i).toList();
        assertThat(client.contacts().getContacts(list.id(), ids)).hasSize(120);
        var page = client.contacts().searchContacts(list.id(), Contacts.Search.page(1, 100));
        assertThat(page.entities()).hasSize(100);
        assertThat(page.total()).isEqualTo(2500);

        var updated = client.contacts().updateContact(list.id(), "k7", c -> c.withCallable(false));
        assertThat(updated.callable()).isFalse();
        assertThat(client.contacts().getContact(list.id(), "k7").callable()).isFalse();
        assertThat(client.contacts().getContact(list.id(), "k7").data()).containsEntry("name", "Person 7");

        client.contacts().deleteContact(list.id(), "k0");
        client.contacts().deleteContacts(list.id(), IntStream.range(1, 301).mapToObj(i -> "k" + i).toList());
        assertThat(client.contacts().getContactList(list.id()).size()).isEqualTo(2199);
        assertThatThrownBy(() -> client.contacts().getContact(list.id(), "k0"))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void dncListsAddRemoveAndExport() {
        var phones = client.dnc().createDncList(Dnc.DncList.rds("it-dnc-" + UUID.randomUUID(), "Phone"));
        client.dnc().addPhoneNumbers(phones.id(), List.of("+13175550001", "+13175550002", "+13175550003"), null);
        client.dnc().patchPhoneNumbers(phones.id(), Dnc.Action.Remove, List.of("+13175550002"));
        client.dnc().patchPhoneNumbers(phones.id(), Dnc.Action.Add, List.of("+13175550004"));
        assertThat(client.dnc().getDncList(phones.id()).dncSourceType()).isEqualTo("rds");
        var export = client.dnc().export(phones.id(), Duration.ofMillis(200), Duration.ofSeconds(20));
        assertThat(export.values()).contains("+13175550001", "+13175550003", "+13175550004")
                .doesNotContain("+13175550002");

        var emails = client.dnc().createDncList(Dnc.DncList.rds("it-dnc-mail-" + UUID.randomUUID(), "Email"));
        client.dnc().addEmailAddresses(emails.id(), List.of("a@example.org", "b@example.org"));
        client.dnc().patchEmailAddresses(emails.id(), Dnc.Action.Remove, List.of("a@example.org"));
        assertThat(client.dnc().export(emails.id(), Duration.ofMillis(200), Duration.ofSeconds(20)).values())
                .contains("b@example.org").doesNotContain("a@example.org");
        assertThat(client.dnc().listDncLists()).extracting(Dnc.DncList::id).contains(phones.id(), emails.id());
        assertThat(client.dnc().listDncLists()).filteredOn(l -> l.id().equals(phones.id()))
                .extracting(Dnc.DncList::size).containsExactly(3L);
    }

    @Test
    void voiceCampaignLifecycle() {
        var list = newList();
        client.contacts().addContacts(list.id(), contacts(list.id(), 5, 0));
        var dnc = client.dnc().createDncList(Dnc.DncList.rds("it-camp-dnc-" + UUID.randomUUID(), "Phone"));
        var created = client.campaigns().createVoiceCampaign(new Campaigns.VoiceCampaign(null,
                "it-voice-" + UUID.randomUUID().toString().substring(0, 8), null, null, DomainRef.of(list.id()),
                null, "agentless", List.of(new Contacts.PhoneColumn("phone", "cell")), null, null, null, "Switchboard",
                "+13177340100"));
        String id = created.id();
        var updated = client.campaigns().updateVoiceCampaign(id, c -> c.withDncLists(List.of(DomainRef.of(dnc.id()))));
        assertThat(updated.dncLists()).extracting(DomainRef::id).containsExactly(dnc.id());
        assertThat(updated.version()).isGreaterThan(created.version());

        client.campaigns().startVoiceCampaign(id);
        assertThat(client.campaigns().getVoiceCampaign(id).campaignStatus()).isIn("on", "complete");
        client.campaigns().stopVoiceCampaign(id);
        assertThat(client.campaigns().getVoiceCampaign(id).campaignStatus()).isIn("stopping", "off", "complete");
        var progress = client.campaigns().voiceCampaignProgress(id);
        assertThat(progress.totalNumberOfContacts()).isEqualTo(5);
    }

    /** Acceptance test 30: a 409 wrong version is re-read and re-applied (3 times at most); the end state is the intent. */
    @Test
    void aWrongVersionIsReReadAndReappliedAndAPersistentOneSurfaces() {
        var list = newList();
        var dnc = client.dnc().createDncList(Dnc.DncList.rds("it-409-dnc-" + UUID.randomUUID(), "Phone"));
        var created = client.campaigns().createVoiceCampaign(new Campaigns.VoiceCampaign(null,
                "it-409-" + UUID.randomUUID().toString().substring(0, 8), null, null, DomainRef.of(list.id()),
                null, "agentless", List.of(new Contacts.PhoneColumn("phone", "cell")), null, null, null, "Switchboard",
                "+13177340100"));
        int conflictsBefore = STATUSES.getOrDefault(409, 0);
        sandbox.faults().conflictNext(ReadModifyWrite.MAX_RETRIES);
        var updated = client.campaigns().updateVoiceCampaign(created.id(),
                c -> c.withDncLists(List.of(DomainRef.of(dnc.id()))));
        assertThat(STATUSES.getOrDefault(409, 0) - conflictsBefore).isEqualTo(ReadModifyWrite.MAX_RETRIES);
        var read = client.campaigns().getVoiceCampaign(created.id());
        assertThat(read.dncLists()).extracting(DomainRef::id).containsExactly(dnc.id());
        assertThat(read.version()).as("one write took effect").isEqualTo(created.version() + 1)
                .isEqualTo(updated.version());

        sandbox.faults().conflictNext(ReadModifyWrite.MAX_RETRIES + 1);
        assertThatThrownBy(() -> client.campaigns().updateVoiceCampaign(created.id(),
                c -> c.withDncLists(List.of())))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> assertThat(e.isWrongVersion()).isTrue());
        assertThat(client.campaigns().getVoiceCampaign(created.id()).version()).as("nothing changed, no loop")
                .isEqualTo(read.version());
        assertThat(STATUSES.getOrDefault(409, 0) - conflictsBefore).isEqualTo(2 * ReadModifyWrite.MAX_RETRIES + 1);
    }

    @Test
    void messagingCampaignLifecycle() {
        var list = newList();
        client.contacts().addContacts(list.id(), contacts(list.id(), 3, 0));
        var sms = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                .put("messageColumn", "name").put("phoneColumn", "phone");
        sms.putObject("senderSmsPhoneNumber").put("phoneNumber", "+13177340101");
        var created = client.campaigns().createMessagingCampaign(new Campaigns.MessagingCampaign(null,
                "it-msg-" + UUID.randomUUID().toString().substring(0, 8), null, null, DomainRef.of(list.id()), 10,
                null, null, null, sms, null));
        String id = created.id();
        var updated = client.campaigns().updateMessagingCampaign(id, c -> c.withMessagesPerMinute(20));
        assertThat(updated.messagesPerMinute()).isEqualTo(20);
        client.campaigns().startMessagingCampaign(id);
        assertThat(client.campaigns().getMessagingCampaign(id).campaignStatus()).isIn("on", "complete");
        client.campaigns().stopMessagingCampaign(id);
        assertThat(client.campaigns().messagingCampaignProgress(id).totalNumberOfContacts()).isEqualTo(3);
    }

    @Test
    void notificationsDeliverCampaignEventsAndSurviveSocketClosing() throws Exception {
        sandbox.heartbeatInterval(Duration.ofMillis(200));
        var list = newList();
        var campaign = client.campaigns().createVoiceCampaign(new Campaigns.VoiceCampaign(null,
                "it-ws-" + UUID.randomUUID().toString().substring(0, 8), null, null, DomainRef.of(list.id()), null,
                "agentless", List.of(new Contacts.PhoneColumn("phone", "cell")), null, null, null, "S",
                "+13177340100"));
        List<NotificationEvent> events = new CopyOnWriteArrayList<>();
        List<Notifications.ConnectionState> states = new CopyOnWriteArrayList<>();
        var settings = new NotificationStream.Settings(Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofHours(1), Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(50), 1000);
        try (NotificationStream stream = client.openNotifications(List.of("v2.outbound.campaigns." + campaign.id()),
                new NotificationListener() {
                    @Override
                    public void onEvent(NotificationEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onStateChanged(Notifications.ConnectionState state, String reason) {
                        states.add(state);
                    }
                }, settings)) {
            await(() -> stream.state() == Notifications.ConnectionState.CONNECTED, "connected");
            String first = stream.channelId();
            client.campaigns().updateVoiceCampaign(campaign.id(), c -> c.withCallableTimeSet(null));
            await(() -> !events.isEmpty(), "a campaign event");
            assertThat(events.getFirst().topicName()).isEqualTo("v2.outbound.campaigns." + campaign.id());

            sandbox.faults().closeSockets();
            await(() -> !first.equals(stream.channelId()), "a new channel after the sockets closed");
            await(() -> stream.state() == Notifications.ConnectionState.CONNECTED, "connected again");
            int before = events.size();
            client.campaigns().startVoiceCampaign(campaign.id());
            await(() -> events.size() > before, "an event on the new channel");
        } finally {
            sandbox.heartbeatInterval(Sandbox.DEFAULT_HEARTBEAT);
        }
        assertThat(states).contains(Notifications.ConnectionState.RECONNECTING);
    }

    @Test
    void revokedTokensAreRenewedOnceAndReplayed() {
        client.organization().tokenInfo();
        long before = client.tokens().tokenRequests();
        sandbox.faults().revokeAllTokens();
        assertThat(client.organization().tokenInfo()).isNotNull();
        assertThat(client.tokens().tokenRequests()).isEqualTo(before + 1);
    }

    @Test
    void rejectedSecretFailsFast() {
        try (GenesysClient bad = GenesysClient.builder(GenesysEndpoint.of(sandbox.apiBaseUrl(),
                sandbox.loginBaseUrl()), new GenesysCredentials(sandbox.clientId(), "wrong")).build()) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> bad.organization().tokenInfo())
                        .isInstanceOf(GenesysCredentialsRejectedException.class);
            }
            assertThat(bad.tokens().tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void injected429sAnd5xxsAreAbsorbedOnReads() {
        sandbox.faults().retryAfterSeconds(1).rate429(0.25).rate5xx(0.25);
        for (int i = 0; i < 6; i++) {
            assertThat(client.organization().smsPhoneNumbers()).isNotEmpty();
        }
        assertThat(STATUSES).containsKeys(200);
    }

    @Test
    void readTimeoutAfterTheSendTookEffectIsOutcomeUnknown() {
        try (GenesysClient impatient = builder().readTimeout(Duration.ofMillis(700)).build()) {
            String from = impatient.organization().smsPhoneNumbers().getFirst().phoneNumber();
            int before = sandbox.ledger().size();
            sandbox.faults().readTimeoutAfterAction(1.0);
            assertThatThrownBy(() -> impatient.messaging().sendSms(new Messages.Sms(from, "+13175550199", "Hi")))
                    .isInstanceOf(SendOutcomeUnknownException.class);
            sandbox.faults().reset();
            assertThat(sandbox.ledger()).hasSize(before + 1);
        }
    }
}
