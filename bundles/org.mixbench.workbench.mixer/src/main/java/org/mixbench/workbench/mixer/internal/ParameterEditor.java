package org.mixbench.workbench.mixer.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.mixing.session.Session;

/**
 * The parameter editor of a mixer part: one Scale per parameter of the selected insert, built from its processor's
 * parameter descriptors (a slot whose processor is not installed shows that its values are kept), scrolling when
 * there are more than fit. Each Scale moves as one gesture of the {@link MixerHost}. UI thread only.
 */
final class ParameterEditor {
    private final MixerHost host;
    private final ScrolledComposite editorScroller;
    private final Composite editor;

    ParameterEditor(Composite parent, MixerHost host) {
        this.host = host;
        editorScroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.BORDER);
        editor = new Composite(editorScroller, SWT.NONE);
        editor.setData("mixbench.id", "mixer.editor");
        editor.setLayout(new GridLayout(3, false));
        editorScroller.setContent(editor);
        editorScroller.setExpandHorizontal(true);
        editorScroller.setExpandVertical(true);
        editorScroller.addListener(SWT.Resize, e -> fit());
    }

    /** Disposes the editor's controls before it is filled again. */
    void clear() {
        for (Control c : editor.getChildren()) {
            c.dispose();
        }
    }

    /** Lets the parameter editor scroll when a processor has more parameters than fit. */
    void fit() {
        int width = editorScroller.getClientArea().width;
        editorScroller.setMinSize(editor.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT));
        editor.layout(true);
    }

    /** Shows the parameters of the selected insert, or what to do when none is selected. */
    void fill(Session s) {
        Edits.Target selected = host.selection().strip();
        int selectedSlot = host.selection().slot();
        Session.Strip strip = Edits.strip(s, selected);
        Label heading = new Label(editor, SWT.WRAP);
        GridData headingData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        headingData.widthHint = 200;
        heading.setLayoutData(headingData);
        heading.setData("mixbench.id", "mixer.editor.heading");
        if (selectedSlot < 0 || selectedSlot >= strip.inserts().size()) {
            heading.setText(Edits.name(s, selected) + ": select an insert to edit its parameters");
            return;
        }
        Session.Insert insert = strip.inserts().get(selectedSlot);
        Optional<ProcessorFactory> factory = host.site().registry().find(ContributionKind.PROCESSOR, insert.processor(),
                ProcessorFactory.class);
        if (factory.isEmpty()) {
            heading.setText(Edits.name(s, selected) + ": " + insert.processor() + " is not installed; its "
                    + insert.parameters().size() + " stored values are kept and it renders bypassed");
            return;
        }
        heading.setText(Edits.name(s, selected) + ": " + factory.get().descriptor().name() + " (slot "
                + (selectedSlot + 1) + ")");
        List<ParameterDescriptor> parameters = factory.get().parameters();
        int shown = 0;
        for (ParameterDescriptor d : parameters) {
            if (shown++ >= 12 && !insert.parameters().containsKey(d.id())) {
                continue;
            }
            double value = insert.parameters().getOrDefault(d.id(), d.defaultValue());
            Label name = new Label(editor, SWT.NONE);
            name.setText(d.name());
            Scale scale = new Scale(editor, SWT.HORIZONTAL);
            scale.setData("mixbench.id", "mixer.parameter." + d.id());
            scale.setMinimum(0);
            scale.setMaximum(1000);
            scale.setSelection((int) Math.round(d.toNormalized(value) * 1000));
            scale.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Label text = new Label(editor, SWT.NONE);
            text.setText(d.displayText(value));
            text.setData("mixbench.id", "mixer.parameter." + d.id() + ".text");
            text.setLayoutData(new GridData(90, SWT.DEFAULT));
            int slot = selectedSlot;
            Edits.Target target = selected;
            host.gesture(scale, steps -> {
                double v = d.fromNormalized(steps / 1000.0);
                MixerView.readout(text, d.displayText(v));
                return new MixerHost.Move(d.name() + " of " + factory.get().descriptor().name(), Edits.strip(target,
                        st -> Edits.parameter(st, slot, d.id(), v)));
            });
        }
    }
}
