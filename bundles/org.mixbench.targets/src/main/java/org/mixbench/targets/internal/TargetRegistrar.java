package org.mixbench.targets.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.mixbench.api.command.Problems;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.api.target.TargetContribution;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Contributes the built-in delivery targets and those of the JSON files in the targets folder
 * ({@code mixbench.targets}, else {@code targets/} in the product's home), one {@link TargetContribution} service
 * each, registered when the bundle starts and removed when it stops. A file that cannot be used (not JSON, a bad
 * field, an id that is already taken) contributes nothing and is listed in {@link #problems()}. SCR thread.
 */
@Component(service = TargetRegistrar.class, immediate = true)
public final class TargetRegistrar {
    /** Target files are at most this large: a target is a few hundred bytes of text. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final List<ServiceRegistration<TargetContribution>> registrations = new ArrayList<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /** Registers the targets. SCR thread. */
    @Activate
    void activate(BundleContext context) {
        Set<String> ids = new HashSet<>();
        for (DeliveryTarget t : BuiltInTargets.ALL) {
            ids.add(t.id());
            register(context, t, "Mixbench", "built in");
        }
        Path folder = folder(context);
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            problems.add(folder + ": cannot list the folder: " + Problems.describe(e));
            return;
        }
        for (Path file : files) {
            String shown = "targets/" + file.getFileName();
            try {
                for (DeliveryTarget t : readFile(file)) {
                    if (!ids.add(t.id())) {
                        throw new IOException("the id '" + t.id() + "' is already taken by another target");
                    }
                    register(context, t, shown, shown);
                }
            } catch (IOException e) {
                problems.add(Problems.oneLine(shown + ": " + e.getMessage()) + "; the file was not used");
            }
        }
    }

    /** The targets of one file; the whole file is refused if any of them is wrong. */
    static List<DeliveryTarget> readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        return TargetJson.read(Files.readAllBytes(file));
    }

    private static Path folder(BundleContext context) {
        String configured = context.getProperty("mixbench.targets");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        String home = context.getProperty("mixbench.home");
        return home == null ? null : Paths.get(home, "targets");
    }

    private void register(BundleContext context, DeliveryTarget target, String vendor, String origin) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ContributionProperties.ID, target.id());
        properties.put(ContributionProperties.NAME, target.name());
        properties.put(ContributionProperties.CATEGORY, target.category());
        properties.put(ContributionProperties.VERSION, "1.0.0");
        properties.put(ContributionProperties.VENDOR, vendor);
        properties.put(ORIGIN, origin);
        registrations.add(context.registerService(TargetContribution.class, () -> target, properties));
    }

    /** The service property that says where a target came from: {@code built in} or {@code targets/NAME.json}. */
    static final String ORIGIN = "origin";

    /** Removes the targets. SCR thread. */
    @Deactivate
    void deactivate() {
        for (ServiceRegistration<TargetContribution> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
    }

    /** Target files that were not used, one line each. Any thread. */
    List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
