package org.mixbench.api.contribution;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The kinds of contribution the core keeps registries of. Each kind names the service interface under which its
 * contributions are registered; the name is a string so that the core can track views without loading SWT.
 */
@ProviderType
public enum ContributionKind {
    /** Effect and mastering stages: {@code org.mixbench.api.processor.ProcessorFactory}. */
    PROCESSOR("org.mixbench.api.processor.ProcessorFactory", "Processors"),
    /** Meters and measurements: {@code org.mixbench.api.analysis.AnalyzerFactory}. */
    ANALYZER("org.mixbench.api.analysis.AnalyzerFactory", "Analyzers"),
    /** File formats written by Mixbench: {@code org.mixbench.api.export.ExporterFactory}. */
    EXPORTER("org.mixbench.api.export.ExporterFactory", "Exporters"),
    /** File formats read by Mixbench: {@code org.mixbench.api.audio.ImporterFactory}. */
    IMPORTER("org.mixbench.api.audio.ImporterFactory", "Importers"),
    /** Workbench views: {@code org.mixbench.workbench.api.WorkbenchView} (an SWT-side interface). */
    VIEW("org.mixbench.workbench.api.WorkbenchView", "Views"),
    /** Delivery targets of masters: {@code org.mixbench.api.target.TargetContribution}. */
    TARGET("org.mixbench.api.target.TargetContribution", "Delivery targets");

    private final String serviceInterface;
    private final String title;

    ContributionKind(String serviceInterface, String title) {
        this.serviceInterface = serviceInterface;
        this.title = title;
    }

    /** The fully qualified name of the service interface contributions of this kind are registered under. */
    public String serviceInterface() {
        return serviceInterface;
    }

    /** A plural title for listings, such as {@code "Processors"}. */
    public String title() {
        return title;
    }
}
