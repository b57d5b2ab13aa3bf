package org.mixbench.workbench.mixer.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.mixing.session.Session;

/**
 * What can be automated on a strip, in the order the lane chooser lists it: fader, pan, mute, trim, each send, each
 * parameter of each installed insert, then any lane the session holds that none of those explains (a processor that is
 * not installed, an unknown parameter), so that no stored lane is hidden. Pure: any thread (the mixer uses it on the UI
 * thread).
 */
final class AutomationTargets {
    static final double FADER_MIN = -60;
    static final double FADER_MAX = 12;
    static final double TRIM_RANGE = 24;

    private AutomationTargets() {
    }

    /**
     * One automatable control of a strip. Immutable; any thread.
     *
     * @param target  the lane target as stored ({@code fader}, {@code send:verb}, {@code insert:0:threshold})
     * @param label   what the lane chooser shows ({@code "Compressor: Threshold"})
     * @param phrase  how an edit label names it after the strip name ({@code "fader"}, {@code "Compressor Threshold"})
     * @param range   the value range, its travel (the lane's y axis) and its display text
     * @param current the static value the control has without automation
     * @param ticks   values worth a grid line on the lane
     */
    record Automatable(String target, String label, String phrase, ParameterDescriptor range, double current,
            List<Double> ticks) {
        /** Copies the ticks. */
        Automatable {
            ticks = List.copyOf(ticks);
        }

        /** A value as an engineer reads it: {@code "-6.0 dB"}, {@code "L30"}, {@code "Muted"}, {@code "1.20 kHz"}. */
        String display(double value) {
            if (target.equals("pan")) {
                double v = range.clamp(value);
                long percent = Math.round(Math.abs(v) * 100);
                return percent == 0 ? "C" : (v < 0 ? "L" : "R") + percent;
            }
            return range.displayText(value);
        }

        /** Whether values are steps (mute, a switch, a choice): new points then hold until the next one. */
        boolean stepped() {
            return range.stepped();
        }

        /** The curve a new point on this lane gets. */
        Session.Curve defaultCurve() {
            return stepped() ? Session.Curve.HOLD : Session.Curve.LINEAR;
        }
    }

    /** Every automatable control of the strip {@code target} of {@code s}, processors looked up in {@code registry}. */
    static List<Automatable> of(Session s, Edits.Target target, ContributionRegistry registry) {
        Session.Strip strip = Edits.strip(s, target);
        List<Automatable> out = new ArrayList<>();
        out.add(new Automatable("fader", "Fader", "fader", decibels("fader", "Fader", FADER_MIN, FADER_MAX,
                strip.faderDb()), strip.faderDb(), List.of(12.0, 0.0, -12.0, -24.0, -36.0, -48.0, -60.0)));
        out.add(new Automatable("pan", "Pan", "pan", ParameterDescriptor.linear("pan", "Pan", "", -1, 1,
                clamp(strip.pan(), -1, 1), 2), strip.pan(), List.of(-1.0, -0.5, 0.0, 0.5, 1.0)));
        if (target.kind() != Edits.Target.Kind.MASTER) {
            out.add(new Automatable("mute", "Mute", "mute", ParameterDescriptor.choice("mute", "Mute",
                    strip.mute() ? 1 : 0, "Playing", "Muted"), strip.mute() ? 1 : 0, List.of(0.0, 1.0)));
        }
        out.add(new Automatable("trim", "Trim", "trim", decibels("trim", "Trim", -TRIM_RANGE, TRIM_RANGE,
                strip.trimDb()), strip.trimDb(), List.of(24.0, 12.0, 0.0, -12.0, -24.0)));
        for (Session.Send send : strip.sends()) {
            String bus = s.buses().stream().filter(b -> b.id().equals(send.bus())).map(Session.Bus::name)
                    .findFirst().orElse(send.bus());
            out.add(new Automatable("send:" + send.bus(), "Send to " + bus, "send to " + bus, decibels("send",
                    "Send", FADER_MIN, FADER_MAX, send.levelDb()), send.levelDb(), List.of(12.0, 0.0, -12.0, -24.0,
                    -36.0, -48.0, -60.0)));
        }
        List<String> names = new ArrayList<>();
        List<Optional<ProcessorFactory>> factories = new ArrayList<>();
        for (Session.Insert insert : strip.inserts()) {
            Optional<ProcessorFactory> f = registry.find(ContributionKind.PROCESSOR, insert.processor(),
                    ProcessorFactory.class);
            factories.add(f);
            names.add(f.map(x -> x.descriptor().name()).orElse(insert.processor()));
        }
        for (int i = 0; i < strip.inserts().size(); i++) {
            if (factories.get(i).isEmpty()) {
                continue;
            }
            Session.Insert insert = strip.inserts().get(i);
            String name = slotName(names, i);
            for (ParameterDescriptor d : factories.get(i).get().parameters()) {
                double value = insert.parameters().getOrDefault(d.id(), d.defaultValue());
                out.add(new Automatable(Edits.insertTarget(i, d.id()), name + ": " + d.name(), name + " " + d.name(),
                        d, value, ticks(d)));
            }
        }
        Set<String> known = new HashSet<>();
        out.forEach(a -> known.add(a.target()));
        for (Session.Lane lane : Edits.lanes(s, target)) {
            if (known.add(lane.target())) {
                String name = lane.target();
                var slot = Edits.insertSlot(lane.target());
                if (slot.isPresent() && slot.getAsInt() < names.size()) {
                    name = slotName(names, slot.getAsInt()) + ": " + Edits.insertParameter(lane.target())
                            + (factories.get(slot.getAsInt()).isEmpty() ? " (missing)" : " (unknown)");
                }
                out.add(stored(lane, name));
            }
        }
        return out;
    }

    /** The automatable whose lane target is {@code target}, if the strip has it. */
    static Optional<Automatable> find(List<Automatable> all, String target) {
        return all.stream().filter(a -> a.target().equals(target)).findFirst();
    }

    /** A processor's name, numbered by slot when the strip has it more than once. */
    private static String slotName(List<String> names, int slot) {
        String name = names.get(slot);
        return names.stream().filter(name::equals).count() > 1 ? name + " #" + (slot + 1) : name;
    }

    /** A lane nothing installed describes: its range is what its points span. */
    private static Automatable stored(Session.Lane lane, String name) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Session.Point p : lane.points()) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
        }
        if (lane.points().isEmpty()) {
            min = 0;
            max = 1;
        } else if (max - min < 1e-9) {
            min -= 1;
            max += 1;
        } else {
            double pad = (max - min) * 0.1;
            min -= pad;
            max += pad;
        }
        double current = lane.points().isEmpty() ? min : lane.points().get(0).value();
        ParameterDescriptor range = ParameterDescriptor.linear("value", name, "", min, max, current, 2);
        return new Automatable(lane.target(), name, name, range, current, List.of(max, (min + max) / 2, min));
    }

    private static ParameterDescriptor decibels(String id, String name, double min, double max, double value) {
        return ParameterDescriptor.linear(id, name, "dB", min, max, clamp(value, min, max), 1);
    }

    private static double clamp(double v, double min, double max) {
        return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : min;
    }

    /** Grid values of a processor parameter: every step of a short choice, else quarters of the travel. */
    private static List<Double> ticks(ParameterDescriptor d) {
        List<Double> ticks = new ArrayList<>();
        if (d.stepped() && d.valueLabels().size() <= 8) {
            for (double v = d.max(); v >= d.min(); v--) {
                ticks.add(v);
            }
            return ticks;
        }
        for (int i = 4; i >= 0; i--) {
            ticks.add(d.fromNormalized(i / 4.0));
        }
        return ticks;
    }

    /** A time as the lane readout shows it: {@code "1.25 s"}. */
    static String time(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
