package org.mixbench.workbench.mixer.internal;

import static org.mixbench.workbench.mixer.internal.MixerView.FADER_MAX;
import static org.mixbench.workbench.mixer.internal.MixerView.FADER_MIN;
import static org.mixbench.workbench.mixer.internal.MixerView.FADER_STEPS;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Scale;
import org.mixbench.mixing.session.Session;

/**
 * The send controls of the channel strips ({@link StripBuilder}): each send's level Scale, pan and menu (pre/post,
 * pan, remove), and the "+ send" menu of the buses a strip may send to. Every change goes through the
 * {@link MixerHost}. UI thread only.
 */
final class SendControls {
    private final MixerHost host;

    SendControls(MixerHost host) {
        this.host = host;
    }

    /**
     * The control of one send of strip {@code target} (in strip composite {@code c}), on two rows: the bus name
     * and the level as text ({@code "-8.0 dB"}, {@code "-8.0 dB pre"} when taken before the fader); below them a
     * level Scale like the faders (-60..+12 dB, 0.1 dB a step), the send's pan ({@code "C"}, {@code "L50"}) and a
     * {@code "\u25BE"} menu button. Right click anywhere on it or the button opens {@link #sendMenu}.
     */
    void control(Composite c, Session s, Edits.Target target, Session.Send send) {
        String name = Edits.name(s, target);
        String bus = Edits.busName(s, send.bus());
        String id = "strip." + name + ".send." + send.bus();
        Composite box = new Composite(c, SWT.NONE);
        box.setData("mixbench.id", id + ".box");
        GridLayout boxLayout = new GridLayout(1, false);
        boxLayout.marginWidth = 0;
        boxLayout.marginHeight = 0;
        boxLayout.verticalSpacing = 0;
        box.setLayout(boxLayout);
        box.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Composite top = sendRow(box, 2);
        Label busLabel = new Label(top, SWT.NONE);
        busLabel.setText(bus);
        busLabel.setData("mixbench.id", id + ".bus");
        GridData busData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        busData.widthHint = Math.min(56, busLabel.computeSize(SWT.DEFAULT, SWT.DEFAULT).x);
        busLabel.setLayoutData(busData);
        Label text = new Label(top, SWT.RIGHT);
        text.setText(sendText(send));
        text.setData("mixbench.id", id + ".text");
        text.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        Composite bottom = sendRow(box, 3);
        Scale level = new Scale(bottom, SWT.HORIZONTAL);
        level.setData("mixbench.id", id);
        level.setMinimum(0);
        level.setMaximum(FADER_STEPS);
        level.setIncrement(1);
        level.setPageIncrement(10);
        level.setSelection(sendSteps(send.levelDb()));
        GridData levelData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        levelData.widthHint = 50;
        level.setLayoutData(levelData);
        Label pan = new Label(bottom, SWT.RIGHT);
        pan.setText(panText(send.pan()));
        pan.setData("mixbench.id", id + ".pan");
        pan.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        Button more = new Button(bottom, SWT.PUSH);
        more.setText("\u25BE");
        more.setData("mixbench.id", id + ".menu");
        more.setToolTipText("Pre/post fader, pan or remove this send");
        more.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        more.addListener(SWT.Selection, e -> host.popup(m -> sendMenu(m, target, send.bus()),
                more.toDisplay(0, more.getSize().y)));
        host.gesture(level, steps -> {
            double db = sendDb(steps);
            MixerView.readout(text, sendText(new Session.Send(send.bus(), db, send.pan(), send.preFader())));
            return new MixerHost.Move(String.format(Locale.ROOT, "Send %s to %s %.1f dB", name, bus, db), Edits.strip(
                    target, st -> Edits.setSendLevel(st, send.bus(), db)));
        });
        String tip = "Send " + name + " to " + bus + ": " + sendText(send).replace(" pre", "") + ", "
                + (send.preFader() ? "pre-fader" : "post-fader") + ", pan " + panText(send.pan())
                + "; right click or \u25BE for pre/post, pan, remove";
        for (Control control : new Control[] {box, top, bottom, busLabel, text, level, pan}) {
            control.setToolTipText(tip);
            control.addListener(SWT.MenuDetect, e -> {
                e.doit = false;
                host.popup(m -> sendMenu(m, target, send.bus()), new Point(e.x, e.y));
            });
        }
    }

    /** One row of a send control: {@code columns} columns without margins, filling the width. */
    private static Composite sendRow(Composite box, int columns) {
        Composite row = new Composite(box, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.horizontalSpacing = 3;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return row;
    }

    /** A send's level as its strip shows it: {@code "-18.0 dB"}, {@code "-18.0 dB pre"} when pre-fader. */
    static String sendText(Session.Send send) {
        return String.format(Locale.ROOT, "%.1f dB", send.levelDb()) + (send.preFader() ? " pre" : "");
    }

    /** A pan position: {@code "C"}, {@code "L50"}, {@code "R100"}. */
    static String panText(double pan) {
        long percent = Math.round(Math.abs(pan) * 100);
        return percent == 0 ? "C" : (pan < 0 ? "L" : "R") + percent;
    }

    /** Where a horizontal send Scale sits for {@code db}: 0.1 dB a step, -60 dB at the left. */
    static int sendSteps(double db) {
        double clamped = Math.max(FADER_MIN, Math.min(FADER_MAX, db));
        return (int) Math.round((clamped - FADER_MIN) * FADER_STEPS / (FADER_MAX - FADER_MIN));
    }

    /** The level of a send Scale at {@code steps}, rounded to 0.1 dB. */
    static double sendDb(int steps) {
        return Math.round((FADER_MIN + steps / (double) FADER_STEPS * (FADER_MAX - FADER_MIN)) * 10) / 10.0;
    }

    /** Pan positions the send menu offers, left to right. */
    private static final double[] SEND_PANS = {-1, -0.5, -0.25, 0, 0.25, 0.5, 1};

    /**
     * The menu of the send of strip {@code target} to {@code bus}: Pre-fader / Post-fader (radio), a Pan cascade
     * of positions, and Remove send (which also removes the send's automation lane, in the same edit).
     */
    private void sendMenu(Menu menu, Edits.Target target, String bus) {
        Session s = host.document().session();
        Optional<Session.Send> found = Edits.send(Edits.strip(s, target), bus);
        if (found.isEmpty()) {
            return;
        }
        Session.Send send = found.get();
        String phrase = "send " + Edits.name(s, target) + " to " + Edits.busName(s, bus);
        MenuItem pre = new MenuItem(menu, SWT.RADIO);
        pre.setText("Pre-fader");
        pre.setData("mixbench.id", "send.menu.pre");
        pre.setSelection(send.preFader());
        pre.addListener(SWT.Selection, e -> {
            if (pre.getSelection() && !send.preFader()) {
                host.edit("Take " + phrase + " pre-fader", Edits.strip(target, st -> Edits.setSendPreFader(st, bus,
                        true)));
            }
        });
        MenuItem post = new MenuItem(menu, SWT.RADIO);
        post.setText("Post-fader");
        post.setData("mixbench.id", "send.menu.post");
        post.setSelection(!send.preFader());
        post.addListener(SWT.Selection, e -> {
            if (post.getSelection() && send.preFader()) {
                host.edit("Take " + phrase + " post-fader", Edits.strip(target, st -> Edits.setSendPreFader(st, bus,
                        false)));
            }
        });
        MenuItem panItem = new MenuItem(menu, SWT.CASCADE);
        panItem.setText("Pan (" + panText(send.pan()) + ")");
        panItem.setData("mixbench.id", "send.menu.pan");
        Menu pans = new Menu(panItem);
        panItem.setMenu(pans);
        for (double p : SEND_PANS) {
            MenuItem item = new MenuItem(pans, SWT.RADIO);
            String text = panText(p);
            item.setText(p == 0 ? "Center" : text);
            item.setData("mixbench.id", "send.menu.pan." + text);
            item.setSelection(Math.abs(send.pan() - p) < 1e-9);
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection() && Math.abs(send.pan() - p) >= 1e-9) {
                    host.edit("Pan " + phrase + " " + text, Edits.strip(target, st -> Edits.setSendPan(st, bus, p)));
                }
            });
        }
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem remove = MixerView.item(menu, "Remove send", "send.menu.remove");
        remove.addListener(SWT.Selection, e -> host.edit("Remove " + phrase, Edits.channel(target,
                c -> Edits.removeSend(c, bus))));
    }

    /**
     * The buses strip {@code target} may send to ({@link Edits#sendDestinations}: no loops, no second send to a
     * bus); choosing one adds a post-fader send at {@value Edits#DEFAULT_SEND_DB} dB as one edit.
     */
    void destinationsMenu(Menu menu, Edits.Target target) {
        Session s = host.document().session();
        List<Session.Bus> buses = Edits.sendDestinations(s, target);
        if (buses.isEmpty()) {
            MenuItem none = MixerView.item(menu, s.buses().isEmpty() ? "No buses in this session" : "No bus to send to",
                    "send.add.none");
            none.setEnabled(false);
            return;
        }
        String name = Edits.name(s, target);
        for (Session.Bus b : buses) {
            MenuItem item = MixerView.item(menu, b.name(), "send.add." + b.id());
            item.addListener(SWT.Selection, e -> host.edit("Add send " + name + " to " + b.name(), Edits.strip(target,
                    st -> Edits.addSend(st, b.id()))));
        }
    }
}
