package org.mixbench.api.target;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A delivery target as a contribution: a service registered with the properties {@code id}, {@code name},
 * {@code category} ({@code streaming}, {@code broadcast}, {@code physical}, {@code archive}, ...), {@code version} and
 * {@code vendor}, like every contribution, so that lists need not call it. A studio adds its own target with a bundle
 * that registers one (a DS component per target is enough) or with a JSON file in the product's {@code targets/}
 * folder. Implementations are immutable; any thread.
 */
@ConsumerType
public interface TargetContribution {
    /** The target. Any thread; returns the same value every time. */
    DeliveryTarget target();
}
