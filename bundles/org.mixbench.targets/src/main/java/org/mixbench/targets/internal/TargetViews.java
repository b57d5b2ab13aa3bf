package org.mixbench.targets.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.api.target.TargetContribution;

import com.fasterxml.jackson.core.type.TypeReference;

/** The registry's targets in listing order, and one target's JSON form; behind {@code InstalledTargets}. */
public final class TargetViews {
    private static final List<String> CATEGORIES = List.of("streaming", "broadcast", "physical", "archive");

    private TargetViews() {
    }

    /** Every contributed target with its origin, by category (streaming first), then id. Command thread. */
    public static List<Map.Entry<DeliveryTarget, String>> targets(ContributionRegistry registry) {
        List<Map.Entry<DeliveryTarget, String>> out = new ArrayList<>();
        for (ContributionInfo info : registry.list(ContributionKind.TARGET)) {
            Optional<TargetContribution> c = registry.find(ContributionKind.TARGET, info.id(),
                    TargetContribution.class);
            if (c.isEmpty()) {
                continue;
            }
            DeliveryTarget t;
            try {
                t = c.get().target();
            } catch (RuntimeException e) {
                continue;
            }
            if (t == null || !t.problems().isEmpty()) {
                continue;
            }
            String origin = info.property(TargetRegistrar.ORIGIN, "bundle " + info.bundle() + " " + info.bundleVersion());
            out.add(new AbstractMap.SimpleImmutableEntry<>(t, origin));
        }
        out.sort(Comparator.comparingInt((Map.Entry<DeliveryTarget, String> e) -> {
            int i = CATEGORIES.indexOf(e.getKey().category());
            return i < 0 ? CATEGORIES.size() : i;
        }).thenComparing(e -> e.getKey().id()));
        return out;
    }

    /** One target as {@code targets --json} writes it, as plain maps and values. Any thread. */
    public static Map<String, Object> json(DeliveryTarget target, String origin) {
        return TargetJson.JSON.convertValue(TargetJson.write(target, origin), new TypeReference<Map<String, Object>>() {
        });
    }
}
