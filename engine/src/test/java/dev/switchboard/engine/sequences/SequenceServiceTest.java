package dev.switchboard.engine.sequences;

import dev.switchboard.engine.templates.DemoTemplates;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.ProfileStore;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.SequenceRepository;
import dev.switchboard.persistence.TemplateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Who may edit and publish sequences, and that a published version never changes. */
class SequenceServiceTest {
    private ProfileStore profiles;
    private SequenceService sequences;

    @BeforeEach
    void setUp() throws Exception {
        profiles = new ProfileStore();
        TemplateService templates = new TemplateService(new TemplateRepository(profiles.store), profiles.log,
                Clock.systemUTC());
        DemoTemplates.seed(profiles.users, templates);
        sequences = new SequenceService(new SequenceRepository(profiles.store), templates, profiles.log,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        profiles.close();
    }

    private Actor profile(String name, Role role) throws Exception {
        return profiles.profile(name, role);
    }

    @Test
    void anOperatorCannotEditOrPublishASupervisorCan() throws Exception {
        Actor olga = profile("olga", Role.OPERATOR);
        Actor sam = profile("sam", Role.SUPERVISOR);
        Sequence demo = DemoSequences.load("outage-broadcast");
        assertThatThrownBy(() -> sequences.importDraft(olga, demo)).isInstanceOf(PermissionDeniedException.class);

        sequences.importDraft(sam, demo);
        assertThatThrownBy(() -> sequences.publish(olga, demo.id())).isInstanceOf(PermissionDeniedException.class);
        Sequence published = sequences.publish(sam, demo.id());
        assertThat(published.published()).isTrue();
        assertThat(published.version()).isEqualTo(1);
    }

    @Test
    void aPublishedVersionNeverChangesAnEditIsTheNextVersion() throws Exception {
        Actor sam = profile("sam", Role.SUPERVISOR);
        Sequence demo = DemoSequences.load("multichannel-default");
        sequences.importDraft(sam, demo);
        sequences.publish(sam, demo.id());
        assertThatThrownBy(() -> sequences.publish(sam, demo.id())).hasMessageContaining("published already");

        Sequence next = sequences.importDraft(sam, demo.withName("Multichannel, revised"));
        assertThat(next.version()).isEqualTo(2);
        assertThat(sequences.all()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.published()).isFalse();
        });
    }

    @Test
    void anInvalidSequenceIsNotPublished() throws Exception {
        Actor sam = profile("sam", Role.SUPERVISOR);
        Sequence demo = DemoSequences.load("outage-broadcast");
        String json = SequenceJson.write(demo).replace("\"outage-sms\"", "\"offer-email\"");
        sequences.importDraft(sam, SequenceJson.read(json));
        assertThatThrownBy(() -> sequences.publish(sam, demo.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("cannot be published");
    }

    @Test
    void anOperatorCannotSaveOrPublishADesignedSequence() throws Exception {
        Actor olga = profile("olga", Role.OPERATOR);
        Actor sam = profile("sam", Role.SUPERVISOR);
        Sequence demo = DemoSequences.load("overdue-payment-reminder");
        Map<String, SequenceService.Position> layout = Map.of("sms", new SequenceService.Position(40, 80));
        assertThatThrownBy(() -> sequences.saveDraft(olga, demo, layout))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("olga (OPERATOR) may not edit");

        sequences.saveDraft(sam, demo, layout);
        assertThatThrownBy(() -> sequences.publish(olga, demo.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("olga (OPERATOR) may not publish");
        assertThat(sequences.history(demo.id())).singleElement().satisfies(v -> assertThat(v.published()).isFalse());
        assertThat(profiles.log.recent(100)).noneMatch(e -> e.actor().equals("olga"));
    }

    @Test
    void aSavedDraftKeepsItsLayoutAndTheHistoryListsEveryVersion() throws Exception {
        Actor sam = profile("sam", Role.SUPERVISOR);
        Sequence demo = DemoSequences.load("overdue-payment-reminder");
        sequences.saveDraft(sam, demo, Map.of("sms", new SequenceService.Position(40, 80),
                "voice", new SequenceService.Position(320, 200), "gone", new SequenceService.Position(1, 1)));
        sequences.publish(sam, demo.id());
        Sequence next = sequences.saveDraft(sam, demo.withName("Overdue, revised"),
                Map.of("sms", new SequenceService.Position(10, 20)));
        assertThat(next.version()).isEqualTo(2);

        assertThat(sequences.design(demo.id(), 1)).hasValueSatisfying(d -> {
            assertThat(d.sequence().published()).isTrue();
            assertThat(d.layout()).containsOnlyKeys("sms", "voice")
                    .containsEntry("voice", new SequenceService.Position(320, 200));
        });
        assertThat(sequences.design(demo.id(), 2)).hasValueSatisfying(d -> {
            assertThat(d.sequence().name()).isEqualTo("Overdue, revised");
            assertThat(d.layout()).containsExactly(Map.entry("sms", new SequenceService.Position(10, 20)));
        });
        assertThat(sequences.history(demo.id())).extracting(SequenceService.Version::version,
                SequenceService.Version::published, SequenceService.Version::author,
                SequenceService.Version::publishedBy)
                .containsExactly(tuple(2, false, "sam", null), tuple(1, true, "sam", "sam"));
        assertThat(sequences.history("no-such-sequence")).isEmpty();
    }

    @Test
    void checkGivesTheProblemsPublishWouldRefuseWith() throws Exception {
        Sequence demo = DemoSequences.load("outage-broadcast");
        assertThat(sequences.check(demo)).isEmpty();
        Sequence wrong = SequenceJson.read(SequenceJson.write(demo).replace("\"outage-sms\"", "\"offer-email\""));
        assertThat(sequences.check(wrong)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("offer-email"));
    }
}
