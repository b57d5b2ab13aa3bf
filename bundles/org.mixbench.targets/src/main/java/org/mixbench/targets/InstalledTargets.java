package org.mixbench.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.target.DeliveryTarget;
import org.mixbench.targets.internal.TargetViews;

/**
 * The delivery targets that bundles and target files contribute, as {@code ./mixbench targets} lists them, and each
 * one's JSON form. Any thread; each call reads the registry afresh.
 */
public final class InstalledTargets {
    private InstalledTargets() {
    }

    /**
     * Every usable target with its origin ({@code bundle org.mixbench.targets 0.1.0} or the target file), streaming
     * first, then broadcast, physical, archive and others, each by id. Targets whose service throws or whose figures
     * {@link DeliveryTarget#problems()} refuses are left out.
     */
    public static List<Map.Entry<DeliveryTarget, String>> list(ContributionRegistry registry) {
        return TargetViews.targets(registry);
    }

    /** The target with this id, if one is installed. */
    public static Optional<DeliveryTarget> find(ContributionRegistry registry, String id) {
        return list(registry).stream().map(Map.Entry::getKey).filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * {@code target} as {@code targets --json} writes it: every field, {@code null} where the target has no value,
     * in the documented order; {@code origin} is added when not null. The values are strings, numbers, maps and
     * nulls, ready for any JSON writer.
     */
    public static Map<String, Object> json(DeliveryTarget target, String origin) {
        return TargetViews.json(target, origin);
    }
}
