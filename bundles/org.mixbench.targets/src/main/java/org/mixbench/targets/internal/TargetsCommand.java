package org.mixbench.targets.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.Problems;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.target.DeliveryTarget;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./mixbench targets [--json]}: the delivery targets the installed bundles and target files contribute. */
@Component(service = Command.class, property = {"command=targets",
    "description=list the delivery targets (platforms, broadcast, CD, hi-res, vinyl) masters are made for"})
public final class TargetsCommand implements Command {

    @Reference
    private ContributionRegistry registry;
    @Reference
    private TargetRegistrar registrar;

    /** Used by DS. */
    public TargetsCommand() {
    }

    /** For tests. */
    TargetsCommand(ContributionRegistry registry, TargetRegistrar registrar) {
        this.registry = registry;
        this.registrar = registrar;
    }

    @Override
    public String usage() {
        return """
                Usage: ./mixbench targets [--json]

                Lists the delivery targets masters can be made for: each platform's or medium's integrated loudness
                and tolerance, true-peak ceiling, sample rate (- keeps the input's), word length, format and the
                public source of the figures. Targets come from bundles and from JSON files in the product's
                targets/ folder (-Dmixbench.targets=DIR for another); docs/delivery-targets.md describes the file
                format and every field. A target file that cannot be used is named on stderr.
                  --json   one JSON document: {"targets": [ {...} ]}, the format of a target file""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws Exception {
        boolean json = false;
        for (String a : arguments) {
            if (a.equals("--json")) {
                json = true;
            } else {
                throw new UsageException("unknown argument '" + a + "'; usage: ./mixbench targets [--json]");
            }
        }
        List<Map.Entry<DeliveryTarget, String>> targets = targets(registry);
        for (String problem : registrar.problems()) {
            context.err().println("warning: " + problem);
        }
        if (json) {
            context.out().println(TargetJson.document(targets));
            return 0;
        }
        context.out().printf(Locale.ROOT, "%-14s %-25s %-10s %-14s %-10s %-8s %-9s %-5s %s%n", "id", "name", "category",
                "integrated", "TP max", "LRA max", "rate", "bits", "format");
        for (Map.Entry<DeliveryTarget, String> e : targets) {
            DeliveryTarget t = e.getKey();
            context.out().printf(Locale.ROOT, "%-14s %-25s %-10s %-14s %-10s %-8s %-9s %-5s %s%n", t.id(),
                    Problems.oneLine(t.name()), t.category(), t.integratedLufs() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f ±%.1f LU", t.integratedLufs(), t.toleranceLu()),
                    String.format(Locale.ROOT, "%.1f dBTP", t.truePeakDbtp()), t.maxLraLu() == null ? "-"
                            : String.format(Locale.ROOT, "%.0f LU", t.maxLraLu()), t.sampleRate() == null ? "input"
                            : t.sampleRate() + " Hz", t.format().equals("mp3") ? "-" : t.bits() == 32 ? "32f"
                            : String.valueOf(t.bits()), t.format() + (t.encoder().isEmpty() ? "" : " "
                            + t.encoder()));
        }
        context.out().println();
        context.out().println("Sources of the figures: ./mixbench targets --json (field \"source\") and "
                + "docs/delivery-targets.md.");
        return 0;
    }

    /** Every contributed target with its origin, by category (streaming first), then id. Command thread. */
    static List<Map.Entry<DeliveryTarget, String>> targets(ContributionRegistry registry) {
        return TargetViews.targets(registry);
    }
}
