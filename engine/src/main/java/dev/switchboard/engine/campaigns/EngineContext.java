package dev.switchboard.engine.campaigns;

import dev.switchboard.engine.contacts.ContactDirectory;
import dev.switchboard.genesys.GenesysClient;
import dev.switchboard.model.compliance.RulePack;
import dev.switchboard.model.compliance.Suppression;
import dev.switchboard.model.compliance.SuppressionView;
import dev.switchboard.model.contact.Channel;
import dev.switchboard.persistence.EngineRepository;
import java.time.Instant;

/** What the step runner and the reconciler need of the running engine. */
interface EngineContext {
    EngineRepository repo();

    ContactDirectory contacts();

    RulePack pack();

    SuppressionView suppressionView();

    GenesysClient client();

    SendJournal journal();

    int epoch();

    Instant now();

    void emit(EngineEvent event);

    void countSend();

    /** The test seam of {@link Engine.Probe}. */
    void probe(String point);

    void pauseCampaign(long campaignId, String reason);

    /** Records a suppression in its own durable commit, forced to disk, before returning. */
    void suppress(Suppression.Kind kind, Channel channel, String address, String reason, String source);

    void wakeReconciler();
}
