package org.mixbench.workbench.api;

import org.eclipse.swt.widgets.Display;
import org.mixbench.api.contribution.ContributionRegistry;
import org.osgi.annotation.versioning.ProviderType;

/** What the workbench offers a view part: the live registry, the display, the status line. UI thread. */
@ProviderType
public interface ViewSite {

    /** The live registry of contributions. */
    ContributionRegistry registry();

    /** The display; use {@code asyncExec} to come back to the UI thread from a listener. */
    Display display();

    /** The id of the perspective this part lives in. */
    String perspective();

    /** Shows a message in the status line. UI thread. */
    void setStatusMessage(String message);
}
