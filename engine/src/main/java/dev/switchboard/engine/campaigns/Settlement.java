package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.model.compliance.Candidates;
import dev.switchboard.model.contact.Contact;
import dev.switchboard.model.contact.JurisdictionResolver;
import dev.switchboard.model.sequence.CapCheck;
import dev.switchboard.model.sequence.EnrollmentState;
import dev.switchboard.model.sequence.Outcome;
import dev.switchboard.model.sequence.Planner;
import dev.switchboard.model.sequence.Signal;
import dev.switchboard.persistence.EngineRepository;
import dev.switchboard.persistence.EngineRepository.AttemptRow;
import dev.switchboard.persistence.EngineRepository.CampaignRow;
import dev.switchboard.persistence.EngineRepository.EnrollmentRow;
import dev.switchboard.persistence.EngineRepository.Move;
import dev.switchboard.persistence.EngineRepository.Settle;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Settles an UNKNOWN attempt, for the reconciler and for an operator. Sent: the touch counts; an SMS with its ids
 * has its outcome polled next, anything else moves on as delivered. Not sent: the step goes through the full gate
 * again. The attempt and its enrollment move in one commit, only while the attempt is still UNKNOWN.
 */
public final class Settlement {
    private final EngineRepository repo;
    private final ContactDirectory contacts;
    private final CampaignService campaigns;
    private final Planner planner = new Planner(CapCheck.NONE);
    private final JurisdictionResolver jurisdictions = new JurisdictionResolver();

    public Settlement(EngineRepository repo, ContactDirectory contacts, CampaignService campaigns) {
        this.repo = repo;
        this.contacts = contacts;
        this.campaigns = campaigns;
    }

    /** Returns false when the attempt was no longer UNKNOWN (settled meanwhile). */
    public boolean settle(AttemptRow a, boolean sent, String by, String conversationId, String messageId,
                          Instant now) {
        EnrollmentRow e = repo.enrollment(a.enrollmentId()).orElseThrow();
        Move m;
        if (!sent) {
            m = new Move("READY", a.stepId(), now, e.state(), null);
        } else if (a.channel().equals("SMS") && messageId != null || a.channel().equals("VOICE")) {
            m = new Move("AWAITING", a.stepId(), now, e.state(), null);
        } else {
            CampaignRow c = repo.campaign(a.campaignId()).orElseThrow();
            Contact contact = contacts.contact(a.contactId()).orElseThrow();
            Candidates cand = Candidates.of(contact.data(), jurisdictions);
            EnrollmentState state = Progress.read(e.state(), contact, e.sequenceVersion(), cand.zones(),
                    Optional.empty());
            try {
                m = StepRunner.move(planner.plan(state, campaigns.sequence(c), new Signal.Result(Outcome.DELIVERED,
                        Optional.empty()), now), e.stepId());
            } catch (CampaignService.CampaignException ex) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
        }
        String outcome = !sent ? null : m.status().equals("AWAITING") ? null : "DELIVERED";
        return repo.recordResult(a.id(), Set.of("UNKNOWN"), new Settle(sent ? "SENT" : "NOT_SENT", conversationId,
                messageId, outcome, a.reason(), by), e.id(), e.version(), m, now);
    }
}
