package dev.switchboard.engine.sequences;

import dev.switchboard.engine.templates.DemoTemplates;
import dev.switchboard.engine.templates.TemplateService;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.engine.users.PasswordHasher;
import dev.switchboard.engine.users.PermissionDeniedException;
import dev.switchboard.engine.users.UserService;
import dev.switchboard.model.sequence.Sequence;
import dev.switchboard.model.user.Role;
import dev.switchboard.persistence.AuditLogRepository;
import dev.switchboard.persistence.SequenceRepository;
import dev.switchboard.persistence.Store;
import dev.switchboard.persistence.TemplateRepository;
import dev.switchboard.persistence.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may edit and publish sequences, and that a published version never changes. */
class SequenceServiceTest {
    private Store store;
    private UserService users;
    private SequenceService sequences;
    private Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.inMemory();
        AuditLogRepository log = new AuditLogRepository(store);
        users = new UserService(new UserRepository(store), log, new PasswordHasher(1_000), Clock.systemUTC());
        TemplateService templates = new TemplateService(new TemplateRepository(store), log, Clock.systemUTC());
        DemoTemplates.seedIfNew(users, templates);
        sequences = new SequenceService(new SequenceRepository(store), templates, log, Clock.systemUTC());
        users.add(null, "ada", Role.ADMIN, "admin-pass-1".toCharArray());
        admin = users.authenticate("ada", "admin-pass-1".toCharArray());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Actor profile(String name, Role role) throws Exception {
        users.add(admin, name, role, (name + "-password").toCharArray());
        return users.authenticate(name, (name + "-password").toCharArray());
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
}
