package org.mixbench.workbench.views.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionProperties;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;

/**
 * The Processors view: every contributed processor, live. It updates when a bundle is dropped into or removed from
 * {@code plugins/} while the window is open. Shown in every perspective, on the left.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.processors", "name=Processors",
    "category=Workbench", "version=1.0.0", "perspective=*", "location=left"})
public final class ProcessorsView implements WorkbenchView {

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        return new RegistryTablePart(parent, "processors.table", site.registry(),
                new String[] {"Name", "Category", "Vendor", "Version", "Bundle"},
                new int[] {130, 80, 90, 60, 260}, registry -> {
                    List<String[]> rows = new ArrayList<>();
                    for (ContributionInfo i : registry.list(ContributionKind.PROCESSOR)) {
                        rows.add(new String[] {i.name(), i.category(),
                            i.property(ContributionProperties.VENDOR, ""), i.version(),
                            RegistryTablePart.bundle(i)});
                    }
                    return rows;
                });
    }
}
