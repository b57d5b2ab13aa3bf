package org.mixbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.mixbench.api.command.Command;
import org.mixbench.api.command.CommandContext;
import org.mixbench.api.command.UsageException;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.api.contribution.ContributionRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ./mixbench plugins}: every contribution with its bundle and version, from the live registry. */
@Component(service = Command.class, property = {"command=plugins",
    "description=list contributed processors, analyzers, exporters and views with bundle and version"})
public final class PluginsCommand implements Command {

    @Reference
    private ContributionRegistry registry;

    @Override
    public String usage() {
        return """
                Usage: ./mixbench plugins [--json]

                Lists every contribution (processors, analyzers, exporters, workbench views) registered by the
                product's bundles and by bundles dropped into plugins/, with the bundle that contributes it.
                  --json   one JSON document instead of the table""";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        boolean json = false;
        for (String a : arguments) {
            if (a.equals("--json")) {
                json = true;
            } else {
                throw new UsageException("unknown argument '" + a + "'; usage: ./mixbench plugins [--json]");
            }
        }
        if (json) {
            printJson(context.out());
        } else {
            printTable(context.out());
        }
        return 0;
    }

    private void printTable(PrintStream out) {
        boolean first = true;
        for (ContributionKind kind : ContributionKind.values()) {
            List<ContributionInfo> infos = registry.list(kind);
            if (!first) {
                out.println();
            }
            first = false;
            out.println(kind.title() + " (" + infos.size() + ")");
            if (infos.isEmpty()) {
                out.println("  none");
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            String third = kind == ContributionKind.VIEW ? "PERSPECTIVE" : "CATEGORY";
            rows.add(new String[] {"ID", "NAME", third, "VERSION", "BUNDLE"});
            for (ContributionInfo i : infos) {
                String thirdValue = kind == ContributionKind.VIEW
                        ? i.property(ContributionProperties.PERSPECTIVE, "") : i.category();
                rows.add(new String[] {i.id(), i.name(), thirdValue, i.version(),
                    i.bundle() + " " + i.bundleVersion()});
            }
            Table.print(out, rows, "  ");
        }
    }

    private void printJson(PrintStream out) {
        StringBuilder json = new StringBuilder("{");
        boolean firstKind = true;
        for (ContributionKind kind : ContributionKind.values()) {
            if (!firstKind) {
                json.append(", ");
            }
            firstKind = false;
            json.append(Json.string(kind.name().toLowerCase(java.util.Locale.ROOT) + "s")).append(": [");
            boolean first = true;
            for (ContributionInfo i : registry.list(kind)) {
                if (!first) {
                    json.append(", ");
                }
                first = false;
                json.append("{\"id\": ").append(Json.string(i.id()))
                        .append(", \"name\": ").append(Json.string(i.name()))
                        .append(", \"category\": ").append(Json.string(i.category()))
                        .append(", \"version\": ").append(Json.string(i.version()))
                        .append(", \"bundle\": ").append(Json.string(i.bundle()))
                        .append(", \"bundle_version\": ").append(Json.string(i.bundleVersion())).append('}');
            }
            json.append(']');
        }
        out.println(json.append('}'));
    }
}
