package dev.switchboard.app.cli;

import dev.switchboard.engine.Workspace;
import dev.switchboard.engine.users.Actor;
import dev.switchboard.model.throughput.AttClass;
import dev.switchboard.model.throughput.NumberType;
import dev.switchboard.model.throughput.SenderLimits;
import dev.switchboard.model.throughput.TrustTier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code switchboard sender set|list}: the throughput limits of SMS sending numbers. */
@Command(name = "sender", mixinStandardHelpOptions = true,
        description = "SMS sending numbers and their throughput limits, counted in segments: per number, AT&T per"
                + " 10DLC campaign, T-Mobile per brand and Pacific day. A number not registered gets the strictest"
                + " limits of its type.",
        subcommands = {SenderCommand.Set.class, SenderCommand.ListSenders.class})
final class SenderCommand {
    /** What Genesys lists as an SMS number: E.164, or a short code. */
    private static final Pattern SENDER = Pattern.compile("\\+[1-9][0-9]{7,14}|[0-9]{5,6}");

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Registers a sending number's type and its carriers' limits (a supervisor or admin).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:registered", "2:a bad number, type, class, tier or rate",
                    "4:the store is held by another process", "7:not allowed"})
    static final class Set extends ActingCommand {
        @Parameters(index = "0", paramLabel = "NUMBER", description = "The sending number, e.g. +13177340100.")
        String number;

        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "long-code (10DLC), toll-free or short-code.")
        String type;

        @Option(names = "--att-class", paramLabel = "CLASS", description = "AT&T class of the number's 10DLC"
                + " campaign: A or B (4,500 segments a minute), C or D (2,400), E or F (240), T (75; the default).")
        String attClass;

        @Option(names = "--tmobile-tier", paramLabel = "TIER", description = "The brand's trust tier for T-Mobile's"
                + " daily allowance: unvetted (2000; the default), low (10000), medium (40000), high (200000); the"
                + " number itself is accepted too.")
        String tmobileTier;

        @Option(names = "--tmobile-daily", paramLabel = "N", description = "T-Mobile's daily allowance in segments,"
                + " when the brand's figure is not one of the tiers'.")
        Integer tmobileDaily;

        @Option(names = "--mps", paramLabel = "RATE", description = "Segments per second of the number (default: 1"
                + " for a long code, 3 toll-free, 100 short code).")
        Double mps;

        @Option(names = "--brand", paramLabel = "ID", description = "The brand (Tax ID) whose T-Mobile allowance"
                + " the number shares with the brand's other numbers.")
        String brand;

        @Option(names = "--att-campaign", paramLabel = "ID", description = "The 10DLC campaign whose AT&T limit the"
                + " number shares with the campaign's other numbers.")
        String attCampaign;

        @Override
        String what() {
            return "sender set";
        }

        @Override
        String act(Workspace workspace, Actor actor) throws Exception {
            SenderLimits l = parse(number, type, attClass, tmobileTier, tmobileDaily, mps, brand, attCampaign);
            workspace.senders().register(actor, l);
            return "Registered " + workspace.senders().registered().stream().filter(r -> r.number().equals(l.number()))
                    .findFirst().orElse(l).describe();
        }
    }

    /** The limits the flags describe; an IllegalArgumentException names the bad flag. */
    static SenderLimits parse(String number, String type, String attClass, String tmobileTier, Integer tmobileDaily,
                              Double mps, String brand, String attCampaign) {
        String e164 = number == null ? "" : number.strip();
        if (!SENDER.matcher(e164).matches()) {
            throw new IllegalArgumentException("NUMBER: '" + number + "' is neither an E.164 number (e.g."
                    + " +13177340100) nor a short code (5 or 6 digits)");
        }
        NumberType t;
        try {
            t = NumberType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--type: " + e.getMessage(), e);
        }
        boolean longCode = t == NumberType.LONG_CODE;
        if (!longCode && (attClass != null || tmobileTier != null || tmobileDaily != null || brand != null
                || attCampaign != null)) {
            throw new IllegalArgumentException("--att-class, --tmobile-tier, --tmobile-daily, --brand and"
                    + " --att-campaign are for 10DLC long codes; a " + t.label() + " has none");
        }
        AttClass a;
        TrustTier tier;
        try {
            a = attClass == null ? null : AttClass.parse(attClass);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--att-class: " + e.getMessage(), e);
        }
        try {
            tier = tmobileTier == null ? null : TrustTier.parse(tmobileTier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tmobile-tier: " + e.getMessage(), e);
        }
        if (mps != null && !(mps > 0 && mps <= 10_000)) {
            throw new IllegalArgumentException("--mps: " + mps + " is not a rate between 0 and 10000 segments a"
                    + " second");
        }
        if (tmobileDaily != null && tmobileDaily < 1) {
            throw new IllegalArgumentException("--tmobile-daily: " + tmobileDaily + " is not a positive number of"
                    + " segments");
        }
        SenderLimits l = SenderLimits.of(e164, t, tier, a, mps, "registered").sharing(blankToNull(brand),
                blankToNull(attCampaign));
        if (tmobileDaily != null) {
            l = new SenderLimits(l.number(), l.type(), l.tier(), l.attClass(), l.segmentsPerSecond(), l.attPerMinute(),
                    tmobileDaily, l.brand(), l.attCampaign(), l.source());
        }
        return l;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The registered sending numbers and"
            + " their limits.")
    static final class ListSenders implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "JSON for scripts.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return StoreAccess.with(SwitchboardCommand.dataDirOf(spec), "sender list", spec.commandLine().getErr(),
                    workspace -> {
                        List<SenderLimits> all = workspace.senders().registered();
                        var out = spec.commandLine().getOut();
                        if (json) {
                            var arr = Json.array();
                            for (SenderLimits l : all) {
                                var o = arr.addObject();
                                o.put("number", l.number());
                                o.put("type", l.type().name());
                                o.put("trustTier", l.tier() == null ? null : l.tier().name());
                                o.put("attClass", l.attClass() == null ? null : l.attClass().name());
                                o.put("segmentsPerSecond", l.segmentsPerSecond());
                                o.put("attPerMinute", l.attPerMinute());
                                o.put("tmobilePerDay", l.tmobilePerDay());
                                o.put("brand", l.brand());
                                o.put("attCampaign", l.attCampaign());
                                o.put("source", l.source());
                            }
                            out.println(Json.write(arr));
                        } else if (all.isEmpty()) {
                            out.println("No sending number is registered: each gets the strictest limits of its"
                                    + " type (a long code: 1 segment/s, AT&T class T 75/min, T-Mobile 2000/day).");
                        } else {
                            all.forEach(l -> out.println(l.describe()));
                        }
                        return ExitCodes.OK;
                    });
        }
    }
}
