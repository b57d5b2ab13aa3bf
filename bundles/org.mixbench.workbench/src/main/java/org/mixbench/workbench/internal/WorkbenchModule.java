package org.mixbench.workbench.internal;

import org.eclipse.swt.widgets.Display;
import org.mixbench.api.contribution.ContributionRegistry;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * The Guice bindings of the workbench, all explicit: the OSGi services and the display come in as instances from the
 * composition root ({@link WorkbenchCommand}); the window's parts are singletons of one window.
 */
final class WorkbenchModule extends AbstractModule {
    private final ContributionRegistry registry;
    private final ViewCatalog views;
    private final Display display;
    private final WorkbenchOptions options;

    WorkbenchModule(ContributionRegistry registry, ViewCatalog views, Display display, WorkbenchOptions options) {
        this.registry = registry;
        this.views = views;
        this.display = display;
        this.options = options;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(ContributionRegistry.class).toInstance(registry);
        bind(ViewCatalog.class).toInstance(views);
        bind(Display.class).toInstance(display);
        bind(WorkbenchOptions.class).toInstance(options);
        bind(StatusLine.class).in(Singleton.class);
        bind(WorkbenchWindow.class).in(Singleton.class);
    }
}
