package org.mixbench.workbench.mixer.internal;

import static org.mixbench.workbench.mixer.internal.MixerView.FADER_MAX;
import static org.mixbench.workbench.mixer.internal.MixerView.FADER_MIN;
import static org.mixbench.workbench.mixer.internal.MixerView.FADER_STEPS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.api.contribution.ContributionInfo;
import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.mixing.session.Session;

/**
 * Builds the channel strips of a mixer part: name, insert slots with their menus (bypass, move, replace, remove) and
 * the processor palette, sends ({@link SendControls}), pan, fader with its meter, mute, solo and output. Every change
 * goes through the {@link MixerHost}. UI thread only.
 */
final class StripBuilder {
    private final MixerHost host;
    private final Composite strips;
    /** Receives the meter of each strip built, for the {@link Transport} to poll. */
    private final Consumer<MeterBar> meters;
    private final SendControls sends;

    StripBuilder(MixerHost host, Composite strips, Consumer<MeterBar> meters) {
        this.host = host;
        this.strips = strips;
        this.meters = meters;
        this.sends = new SendControls(host);
    }

    private int nodeIndex(Session s, Edits.Target target) {
        return switch (target.kind()) {
            case TRACK -> target.index();
            case BUS -> s.tracks().size() + target.index();
            case MASTER -> s.tracks().size() + s.buses().size();
        };
    }

    /** Adds the strip of {@code target} to the strips. */
    void strip(Session s, Edits.Target target) {
        Session.Strip strip = Edits.strip(s, target);
        String name = Edits.name(s, target);
        String id = "strip." + name;
        boolean isSelected = target.equals(host.selection().strip());
        Composite c = new Composite(strips, isSelected ? SWT.BORDER : SWT.NONE);
        c.setData("mixbench.id", id);
        c.setLayout(new GridLayout(2, true));
        Button nameButton = new Button(c, SWT.TOGGLE);
        nameButton.setText(name);
        nameButton.setData("mixbench.id", id + ".name");
        nameButton.setSelection(isSelected);
        nameButton.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        nameButton.addListener(SWT.Selection, e -> host.select(target, -1));
        for (int i = 0; i < strip.inserts().size(); i++) {
            Session.Insert insert = strip.inserts().get(i);
            Optional<ProcessorFactory> factory = host.site().registry().find(ContributionKind.PROCESSOR,
                    insert.processor(), ProcessorFactory.class);
            Composite row = new Composite(c, SWT.NONE);
            GridLayout slotLayout = new GridLayout(2, false);
            slotLayout.marginWidth = 0;
            slotLayout.marginHeight = 0;
            slotLayout.horizontalSpacing = 1;
            row.setLayout(slotLayout);
            row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            Button slot = new Button(row, SWT.PUSH);
            slot.setText(factory.map(f -> f.descriptor().name()).orElse(insert.processor() + " (missing)")
                    + (insert.bypass() ? " [off]" : ""));
            slot.setData("mixbench.id", id + ".insert." + i);
            slot.setToolTipText("Click to edit its parameters; right click or \u25BE for bypass, move, replace, "
                    + "remove");
            slot.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            int index = i;
            slot.addListener(SWT.Selection, e -> host.select(target, index));
            slot.addListener(SWT.MenuDetect, e -> {
                e.doit = false;
                host.popup(m -> slotMenu(m, target, index), new Point(e.x, e.y));
            });
            Button more = new Button(row, SWT.PUSH);
            more.setText("\u25BE");
            more.setData("mixbench.id", id + ".insert." + i + ".menu");
            more.setToolTipText("Bypass, move, replace or remove this insert");
            more.setLayoutData(new GridData(SWT.RIGHT, SWT.FILL, false, false));
            more.addListener(SWT.Selection, e -> host.popup(m -> slotMenu(m, target, index),
                    more.toDisplay(0, more.getSize().y)));
        }
        Button addInsert = new Button(c, SWT.PUSH);
        addInsert.setText("+ insert");
        addInsert.setData("mixbench.id", id + ".insert.add");
        addInsert.setToolTipText("Add a processor after the last insert of " + name);
        addInsert.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        addInsert.addListener(SWT.Selection, e -> host.popup(m -> palette(m, null, info -> addInsert(target, info)),
                addInsert.toDisplay(0, addInsert.getSize().y)));
        for (Session.Send send : strip.sends()) {
            sends.control(c, s, target, send);
        }
        if (target.kind() != Edits.Target.Kind.MASTER) {
            Button addSend = new Button(c, SWT.PUSH);
            addSend.setText("+ send");
            addSend.setData("mixbench.id", id + ".send.add");
            addSend.setToolTipText("Send " + name + " to a bus (buses that feed " + name + " back are not offered)");
            addSend.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            addSend.addListener(SWT.Selection, e -> host.popup(m -> sends.destinationsMenu(m, target),
                    addSend.toDisplay(0, addSend.getSize().y)));
        }
        Scale pan = new Scale(c, SWT.HORIZONTAL);
        pan.setData("mixbench.id", id + ".pan");
        pan.setMinimum(0);
        pan.setMaximum(200);
        pan.setSelection((int) Math.round((strip.pan() + 1) * 100));
        pan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Label panText = new Label(c, SWT.CENTER);
        panText.setText(stripPanText(strip.pan()));
        panText.setData("mixbench.id", id + ".pan.text");
        panText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        host.gesture(pan, steps -> {
            double value = steps / 100.0 - 1;
            MixerView.readout(panText, stripPanText(value));
            return new MixerHost.Move("Pan " + name, Edits.strip(target, st -> Edits.pan(st, value)));
        });
        Composite faderRow = new Composite(c, SWT.NONE);
        GridLayout rowLayout = new GridLayout(2, false);
        rowLayout.marginWidth = 0;
        faderRow.setLayout(rowLayout);
        GridData rowData = new GridData(SWT.CENTER, SWT.FILL, false, true, 1, 3);
        faderRow.setLayoutData(rowData);
        Scale fader = new Scale(faderRow, SWT.VERTICAL);
        MeterBar meter = new MeterBar(faderRow, nodeIndex(s, target));
        meter.setData("mixbench.id", id + ".meter");
        GridData meterData = new GridData(8, 150);
        meter.setLayoutData(meterData);
        meters.accept(meter);
        fader.setData("mixbench.id", id + ".fader");
        fader.setMinimum(0);
        fader.setMaximum(FADER_STEPS);
        fader.setSelection(faderSteps(strip.faderDb()));
        GridData faderData = new GridData(SWT.CENTER, SWT.FILL, false, true);
        faderData.heightHint = 150;
        fader.setLayoutData(faderData);
        Label db = new Label(c, SWT.NONE);
        db.setText(String.format(Locale.ROOT, "%.1f dB", strip.faderDb()));
        db.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        db.setData("mixbench.id", id + ".db");
        host.gesture(fader, steps -> {
            double value = faderDb(steps);
            MixerView.readout(db, String.format(Locale.ROOT, "%.1f dB", value));
            return new MixerHost.Move("Fader " + name, Edits.strip(target, st -> Edits.fader(st, value)));
        });
        if (target.kind() != Edits.Target.Kind.MASTER) {
            Button mute = new Button(c, SWT.TOGGLE);
            mute.setText("M");
            mute.setSelection(strip.mute());
            mute.setData("mixbench.id", id + ".mute");
            mute.addListener(SWT.Selection, e -> host.edit((mute.getSelection() ? "Mute " : "Unmute ") + name,
                    Edits.strip(target, st -> Edits.mute(st, mute.getSelection()))));
            if (target.kind() == Edits.Target.Kind.TRACK) {
                Button solo = new Button(c, SWT.TOGGLE);
                solo.setText("S");
                solo.setSelection(strip.solo());
                solo.setData("mixbench.id", id + ".solo");
                solo.addListener(SWT.Selection, e -> host.edit((solo.getSelection() ? "Solo " : "Unsolo ") + name,
                        Edits.strip(target, st -> Edits.solo(st, solo.getSelection()))));
            }
        }
        Label out = new Label(c, SWT.NONE);
        out.setText(target.kind() == Edits.Target.Kind.MASTER ? "out" : "-> " + strip.output());
        out.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    }

    /** A strip's pan as its strip shows it: {@code "C"}, {@code "L25"}, {@code "R100"}. */
    static String stripPanText(double pan) {
        return pan == 0 ? "C" : String.format(Locale.ROOT, "%s%.0f", pan < 0 ? "L" : "R", Math.abs(pan) * 100);
    }

    static int faderSteps(double db) {
        double clamped = Math.max(FADER_MIN, Math.min(FADER_MAX, db));
        return (int) Math.round((FADER_MAX - clamped) / (FADER_MAX - FADER_MIN) * FADER_STEPS);
    }

    static double faderDb(int steps) {
        return Math.round((FADER_MAX - steps / (double) FADER_STEPS * (FADER_MAX - FADER_MIN)) * 10) / 10.0;
    }

    /**
     * Adds the processors installed now to {@code menu}, one cascade per category, by name; {@code current} (the
     * processor being replaced, or null) is shown but disabled.
     */
    private void palette(Menu menu, String current, Consumer<ContributionInfo> chosen) {
        Map<String, List<ContributionInfo>> byCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (ContributionInfo info : host.site().registry().list(ContributionKind.PROCESSOR)) {
            String category = info.category().isBlank() ? "Other" : info.category();
            byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(info);
        }
        if (byCategory.isEmpty()) {
            MenuItem none = new MenuItem(menu, SWT.PUSH);
            none.setText("No processors installed");
            none.setEnabled(false);
            return;
        }
        for (Map.Entry<String, List<ContributionInfo>> category : byCategory.entrySet()) {
            MenuItem cascade = new MenuItem(menu, SWT.CASCADE);
            cascade.setText(category.getKey());
            cascade.setData("mixbench.id", "palette.category." + category.getKey());
            Menu sub = new Menu(cascade);
            cascade.setMenu(sub);
            List<ContributionInfo> infos = new ArrayList<>(category.getValue());
            infos.sort(Comparator.comparing(ContributionInfo::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(ContributionInfo::id));
            for (ContributionInfo info : infos) {
                MenuItem item = new MenuItem(sub, SWT.PUSH);
                item.setText(info.name());
                item.setData("mixbench.id", "palette." + info.id());
                item.setEnabled(!info.id().equals(current));
                item.addListener(SWT.Selection, e -> chosen.accept(info));
            }
        }
    }

    private String processorName(Session.Insert insert) {
        return host.site().registry().find(ContributionKind.PROCESSOR, insert.processor(), ProcessorFactory.class)
                .map(f -> f.descriptor().name()).orElse(insert.processor());
    }

    /**
     * The menu of insert {@code slot} of strip {@code target}: bypass or enable, move up, move down, replace,
     * remove. A slot whose processor is not installed can only be moved or removed; its stored values stay as
     * they are.
     */
    private void slotMenu(Menu menu, Edits.Target target, int slot) {
        Session s = host.document().session();
        Session.Strip strip = Edits.strip(s, target);
        if (slot >= strip.inserts().size()) {
            return;
        }
        Session.Insert insert = strip.inserts().get(slot);
        boolean missing = host.site().registry().find(ContributionKind.PROCESSOR, insert.processor(),
                ProcessorFactory.class).isEmpty();
        String processor = processorName(insert);
        String name = Edits.name(s, target);
        MenuItem bypass = MixerView.item(menu, insert.bypass() ? "Enable" : "Bypass", "insert.menu.bypass");
        bypass.setEnabled(!missing);
        bypass.addListener(SWT.Selection, e -> host.edit((insert.bypass() ? "Enable " : "Bypass ") + processor + " on "
                + name, Edits.channel(target, c -> Edits.bypass(c, slot, !insert.bypass()))));
        MenuItem up = MixerView.item(menu, "Move up", "insert.menu.up");
        up.setEnabled(slot > 0);
        up.addListener(SWT.Selection, e -> moveInsert(target, slot, slot - 1));
        MenuItem down = MixerView.item(menu, "Move down", "insert.menu.down");
        down.setEnabled(slot < strip.inserts().size() - 1);
        down.addListener(SWT.Selection, e -> moveInsert(target, slot, slot + 1));
        MenuItem replace = new MenuItem(menu, SWT.CASCADE);
        replace.setText("Replace with");
        replace.setData("mixbench.id", "insert.menu.replace");
        replace.setEnabled(!missing);
        Menu palette = new Menu(replace);
        replace.setMenu(palette);
        palette(palette, insert.processor(), info -> {
            host.selection().renumberLane(target, i -> i == slot ? -1 : i);
            host.edit("Replace " + processor + " with " + info.name() + " on " + name, Edits.channel(target,
                    c -> Edits.replaceInsert(c, slot, info.id())));
        });
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem remove = MixerView.item(menu, "Remove", "insert.menu.remove");
        remove.addListener(SWT.Selection, e -> {
            host.selection().follow(target, Edits.removal(slot));
            host.edit("Remove " + processor + " from " + name, Edits.channel(target, c -> Edits.removeInsert(c,
                    slot)));
        });
    }

    private void moveInsert(Edits.Target target, int from, int to) {
        Session s = host.document().session();
        String processor = processorName(Edits.strip(s, target).inserts().get(from));
        host.selection().follow(target, Edits.move(from, to));
        host.edit("Move " + processor + (to < from ? " up" : " down") + " on " + Edits.name(s, target),
                Edits.channel(target, c -> Edits.moveInsert(c, from, to)));
    }

    /** Appends the processor {@code info} to strip {@code target} at its defaults and selects it for editing. */
    private void addInsert(Edits.Target target, ContributionInfo info) {
        Session s = host.document().session();
        host.selection().select(target, Edits.strip(s, target).inserts().size());
        host.edit("Add " + info.name() + " to " + Edits.name(s, target), Edits.channel(target,
                c -> Edits.addInsert(c, info.id())));
    }
}
