package org.mixbench.workbench.views.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.workbench.api.ViewPart;
import org.mixbench.workbench.api.ViewSite;
import org.mixbench.workbench.api.WorkbenchView;
import org.osgi.service.component.annotations.Component;

/**
 * The Contributions view: every contribution of every kind (processors, analyzers, exporters, views) with its id and
 * bundle, live. Shown at the bottom of the Mix perspective.
 */
@Component(service = WorkbenchView.class, property = {"id=mixbench.view.contributions", "name=Contributions",
    "category=Workbench", "version=1.0.0", "perspective=mix", "location=bottom"})
public final class ContributionsView implements WorkbenchView {

    @Override
    public ViewPart createPart(Composite parent, ViewSite site) {
        return new RegistryTablePart(parent, "contributions.table", site.registry(),
                new String[] {"Kind", "Name", "Id", "Category", "Version", "Bundle"},
                new int[] {80, 130, 200, 90, 60, 260}, registry -> {
                    List<String[]> rows = new ArrayList<>();
                    for (ContributionKind kind : ContributionKind.values()) {
                        for (ContributionInfo i : registry.list(kind)) {
                            rows.add(new String[] {kind.title(), i.name(), i.id(), i.category(), i.version(),
                                RegistryTablePart.bundle(i)});
                        }
                    }
                    return rows;
                });
    }
}
