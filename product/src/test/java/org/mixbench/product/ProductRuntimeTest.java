package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixbench.launch.MainCommand;
import org.mixbench.launch.Product;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Boots the real product bundle set in Apache Felix (SCR, Config Admin, FileInstall, SWT) and checks what it
 * registers; then drops the separately built example bundle into the watched plugins folder and takes it out again.
 */
class ProductRuntimeTest {
    @TempDir
    static Path plugins;
    private static Product product;
    private static BundleContext context;
    private static final ByteArrayOutputStream startErrors = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        product = Product.start(ProductFiles.product(), Map.of("mixbench.plugins", plugins.toString()),
                new PrintStream(startErrors, true, StandardCharsets.UTF_8));
        context = product.context();
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    private static Set<String> ids(String serviceInterface) throws Exception {
        Set<String> ids = new TreeSet<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(serviceInterface, null);
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                ids.add(String.valueOf(r.getProperty("id")));
            }
        }
        return ids;
    }

    /** Runs a command through the product's own MainCommand service, as the launcher does. */
    private static String command(String... args) {
        ServiceReference<MainCommand> ref = context.getServiceReference(MainCommand.class);
        assertNotNull(ref, "no MainCommand service");
        MainCommand main = context.getService(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), plugins);
        context.ungetService(ref);
        assertEquals(0, status, "command failed: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theProductStartsWithoutReportingProblems() {
        assertEquals("", startErrors.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyBundleIsActiveAndEveryFragmentIsAttachedToItsHost() {
        List<String> problems = new ArrayList<>();
        int fragments = 0;
        for (Bundle b : context.getBundles()) {
            BundleRevision revision = b.adapt(BundleRevision.class);
            boolean fragment = (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (fragment) {
                fragments++;
                BundleWiring wiring = revision.getWiring();
                if (b.getState() != Bundle.RESOLVED || wiring == null
                        || wiring.getRequiredWires(HostNamespace.HOST_NAMESPACE).isEmpty()) {
                    problems.add(b.getSymbolicName() + " is a fragment not attached to its host");
                }
            } else if (b.getState() != Bundle.ACTIVE) {
                problems.add(b.getSymbolicName() + " is not active (state " + b.getState() + ")");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(fragments >= 1, "the SWT fragment should be there");
        assertTrue(context.getBundles().length >= 20, "the whole product should be installed");
    }

    @Test
    void theBuiltInProcessorsAndViewsAreRegistered() throws Exception {
        assertTrue(ids("org.mixbench.api.processor.ProcessorFactory")
                .containsAll(Set.of("mixbench.gain", "mixbench.stereo-utility")));
        assertTrue(ids("org.mixbench.workbench.api.WorkbenchView").containsAll(
                Set.of("mixbench.view.processors", "mixbench.view.contributions", "mixbench.view.bundles")));
        assertTrue(ids("org.mixbench.api.contribution.ContributionRegistry").size() == 1, "one registry");
    }

    @Test
    void oneMonitorBusCarriesPlaybackToTheMixerAndTheMeterViews() throws Exception {
        ServiceReference<?>[] buses = context.getAllServiceReferences("org.mixbench.api.monitor.MonitorBus", null);
        assertNotNull(buses, "no MonitorBus service");
        assertEquals(1, buses.length);
        assertEquals("org.mixbench.core", buses[0].getBundle().getSymbolicName());
        ServiceReference<?>[] views = context.getAllServiceReferences("org.mixbench.workbench.api.WorkbenchView",
                null);
        List<Object> used = new ArrayList<>();
        for (ServiceReference<?> view : views) {
            used.add(context.getService(view));
        }
        try {
            Set<String> users = new TreeSet<>();
            for (Bundle b : buses[0].getUsingBundles()) {
                users.add(b.getSymbolicName());
            }
            assertTrue(users.containsAll(Set.of("org.mixbench.workbench.mixer", "org.mixbench.workbench.meters")),
                    "the views that bind the bus: " + users);
        } finally {
            for (ServiceReference<?> view : views) {
                context.ungetService(view);
            }
        }
    }

    @Test
    void theRegistryListsContributionsWithTheirBundles() {
        String json = command("plugins", "--json");
        assertTrue(json.contains("\"id\": \"mixbench.gain\", \"name\": \"Gain\""), json);
        assertTrue(json.contains("\"bundle\": \"org.mixbench.processors.basic\""), json);
        assertTrue(json.contains("\"id\": \"mixbench.view.processors\""), json);
    }

    @Test
    void aBundleDroppedIntoPluginsAppearsInTheRegistryAndGoesWhenRemoved() throws Exception {
        assertTrue(!command("plugins", "--json").contains("com.example.bitcrusher"), "not there before");
        Path dropped = plugins.resolve("com.example.bitcrusher.jar");
        Path partial = plugins.resolve("com.example.bitcrusher.jar.part");
        Files.copy(ProductFiles.testPlugin(), partial);
        Files.move(partial, dropped);
        await("the dropped processor is in the registry",
                () -> command("plugins", "--json").contains("\"id\": \"com.example.bitcrusher\""));
        assertTrue(ids("org.mixbench.api.processor.ProcessorFactory").contains("com.example.bitcrusher"));
        Files.delete(dropped);
        await("the removed processor has left the registry",
                () -> !command("plugins", "--json").contains("com.example.bitcrusher"));
        await("the bundle is uninstalled", () -> {
            for (Bundle b : context.getBundles()) {
                if ("com.example.bitcrusher".equals(b.getSymbolicName())) {
                    return false;
                }
            }
            return true;
        });
    }
}
