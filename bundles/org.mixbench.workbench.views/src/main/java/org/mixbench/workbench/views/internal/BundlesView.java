package org.mixbench.workbench.views.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The Plug-ins view: every OSGi bundle of the running product with its version, state and where it came from
 * (the product or {@code plugins/}), live as bundles come and go. Shown in the Mix perspective.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.bundles", "name=Plug-ins",
    "category=Workbench", "version=1.0.0", "perspective=mix", "location=bottom"})
public final class BundlesView implements WorkbenchView {
    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        Table table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setData("mixbench.id", "bundles.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] headers = {"Bundle", "Version", "State", "From"};
        int[] widths = {300, 150, 90, 300};
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        Runnable refresh = () -> {
            if (table.isDisposed()) {
                return;
            }
            table.setRedraw(false);
            table.removeAll();
            String plugins = context.getProperty("mixbench.plugins");
            String pluginsUri = plugins == null ? null : java.nio.file.Paths.get(plugins).toUri().toString();
            for (Bundle b : context.getBundles()) {
                String location = b.getLocation();
                boolean dropped = plugins != null && (location.contains(plugins) || location.contains(pluginsUri));
                String from = dropped ? "plugins/" : b.getBundleId() == 0 ? "framework" : "product";
                new TableItem(table, SWT.NONE).setText(new String[] {String.valueOf(b.getSymbolicName()),
                    b.getVersion().toString(), state(b.getState()), from});
            }
            table.setRedraw(true);
        };
        refresh.run();
        BundleListener listener = event -> {
            if (!table.isDisposed()) {
                table.getDisplay().asyncExec(refresh);
            }
        };
        context.addBundleListener(listener);
        return new ViewPart() {
            @Override
            public Control control() {
                return table;
            }

            @Override
            public void dispose() {
                try {
                    context.removeBundleListener(listener);
                } catch (IllegalStateException e) {
                    // the framework is already stopping
                }
            }
        };
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
