package dev.switchboard.persistence;

import dev.switchboard.model.compliance.Purpose;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.model.template.Template;
import dev.switchboard.model.template.TemplateState;
import dev.switchboard.model.template.TemplateVersion;
import dev.switchboard.persistence.jooq.tables.records.TemplateVersionRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.persistence.jooq.Tables.TEMPLATE_VERSION;

/** Template versions and their review state; one row per (template, version). */
public final class TemplateRepository {
    private final DSLContext dsl;

    public TemplateRepository(Store store) {
        this.dsl = store.dsl();
    }

    /** A stored version with the purpose it is written for. */
    public record Stored(TemplateVersion version, Purpose purpose) {
    }

    /** Inserts a new version or updates the stored one with the same (template, version). */
    public void save(TemplateVersion v, Purpose purpose) {
        Template t = v.template();
        TemplateVersionRecord r = dsl.selectFrom(TEMPLATE_VERSION)
                .where(TEMPLATE_VERSION.TEMPLATE_KEY.eq(t.id()).and(TEMPLATE_VERSION.VERSION.eq(t.version())))
                .fetchOptional().orElseGet(() -> dsl.newRecord(TEMPLATE_VERSION));
        r.setTemplateKey(t.id());
        r.setVersion(t.version());
        r.setChannel(t.channel().name());
        r.setPurpose(purpose.name());
        r.setName(t.name());
        r.setSubject(t.subject());
        r.setTextBody(t.textBody());
        r.setHtmlBody(t.htmlBody());
        r.setContentHash(t.contentHash());
        r.setState(v.state().name());
        r.setAuthor(v.author());
        r.setApprover(v.approver());
        r.setApprovedHash(v.approvedContentHash());
        r.setNote(v.note());
        r.setCreatedAt(at(v.createdAt()));
        r.setUpdatedAt(at(v.updatedAt()));
        r.setSubmittedAt(at(v.submittedAt()));
        r.setDecidedAt(at(v.decidedAt()));
        r.setRetiredAt(at(v.retiredAt()));
        r.store();
    }

    /** The newest version of a template. */
    public Optional<Stored> latest(String key) {
        return dsl.selectFrom(TEMPLATE_VERSION).where(TEMPLATE_VERSION.TEMPLATE_KEY.eq(key))
                .orderBy(TEMPLATE_VERSION.VERSION.desc()).limit(1).fetchOptional(TemplateRepository::toModel);
    }

    /** Every stored version of a template, oldest first; empty for an unknown key. */
    public List<Stored> versions(String key) {
        return dsl.selectFrom(TEMPLATE_VERSION).where(TEMPLATE_VERSION.TEMPLATE_KEY.eq(key))
                .orderBy(TEMPLATE_VERSION.VERSION.asc()).fetch(TemplateRepository::toModel);
    }

    /** The newest version of every template, by key. */
    public List<Stored> latestOfEach() {
        var newest = dsl.select(TEMPLATE_VERSION.TEMPLATE_KEY, org.jooq.impl.DSL.max(TEMPLATE_VERSION.VERSION))
                .from(TEMPLATE_VERSION).groupBy(TEMPLATE_VERSION.TEMPLATE_KEY);
        return dsl.selectFrom(TEMPLATE_VERSION)
                .where(org.jooq.impl.DSL.row(TEMPLATE_VERSION.TEMPLATE_KEY, TEMPLATE_VERSION.VERSION).in(newest))
                .orderBy(TEMPLATE_VERSION.TEMPLATE_KEY).fetch(TemplateRepository::toModel);
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant at(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static Stored toModel(TemplateVersionRecord r) {
        Template t = new Template(r.getTemplateKey(), Channel.valueOf(r.getChannel()), r.getName(), r.getSubject(),
                r.getTextBody(), r.getHtmlBody(), r.getVersion());
        TemplateVersion v = new TemplateVersion(t, TemplateState.valueOf(r.getState()), r.getAuthor(), r.getApprover(),
                r.getApprovedHash(), r.getNote(), at(r.getCreatedAt()), at(r.getUpdatedAt()), at(r.getSubmittedAt()),
                at(r.getDecidedAt()), at(r.getRetiredAt()));
        return new Stored(v, Purpose.valueOf(r.getPurpose()));
    }
}
