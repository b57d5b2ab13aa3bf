package org.mixbench.api.processor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Describes one parameter of a processor: a stable id that sessions and automation store (never an index), the name
 * and unit shown to users, the range, the default, how a control's travel maps to the range, and how a value reads.
 * Immutable; safe on any thread.
 *
 * @param id           stable identifier, unique within the processor
 * @param name         the name shown to users
 * @param unit         unit symbol shown after the value ({@code "dB"}, {@code "Hz"}, {@code "ms"}, {@code "%"}), or
 *                     {@code ""}
 * @param min          smallest value
 * @param max          largest value, greater than {@code min}
 * @param defaultValue value of a fresh processor, within the range
 * @param scale        how control travel maps to the range
 * @param decimals     digits after the decimal point in display text
 * @param valueLabels  for a stepped parameter, one label per integer value from {@code min} to {@code max}; else empty
 */
@ProviderType
public record ParameterDescriptor(String id, String name, String unit, double min, double max, double defaultValue,
        Scale scale, int decimals, List<String> valueLabels) {

    /** Validates the range, the default and the labels. */
    public ParameterDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scale, "scale");
        valueLabels = List.copyOf(valueLabels);
        if (id.isBlank() || !id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("parameter id must be letters, digits, '.', '_' or '-': '" + id + "'");
        }
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(id + ": range must be finite with min < max");
        }
        if (!(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException(id + ": default " + defaultValue + " outside " + min + ".." + max);
        }
        if (scale == Scale.LOGARITHMIC && min <= 0) {
            throw new IllegalArgumentException(id + ": a logarithmic range must be positive");
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException(id + ": decimals must be within 0..6");
        }
        if (!valueLabels.isEmpty() && (min != Math.rint(min) || max != Math.rint(max)
                || valueLabels.size() != (int) (max - min) + 1)) {
            throw new IllegalArgumentException(id + ": a stepped parameter needs one label per integer in its range");
        }
    }

    /** A parameter whose control travel is proportional to its value. */
    public static ParameterDescriptor linear(String id, String name, String unit, double min, double max,
            double defaultValue, int decimals) {
        return new ParameterDescriptor(id, name, unit, min, max, defaultValue, Scale.LINEAR, decimals, List.of());
    }

    /** A parameter on a logarithmic scale, such as a frequency or a time. */
    public static ParameterDescriptor logarithmic(String id, String name, String unit, double min, double max,
            double defaultValue, int decimals) {
        return new ParameterDescriptor(id, name, unit, min, max, defaultValue, Scale.LOGARITHMIC, decimals,
                List.of());
    }

    /** A level in decibels with a fader-law travel. */
    public static ParameterDescriptor decibels(String id, String name, double min, double max, double defaultValue) {
        return new ParameterDescriptor(id, name, "dB", min, max, defaultValue, Scale.DECIBEL, 1, List.of());
    }

    /** A stepped choice among labels; the value is the index of the label. */
    public static ParameterDescriptor choice(String id, String name, int defaultIndex, String... labels) {
        return new ParameterDescriptor(id, name, "", 0, labels.length - 1, defaultIndex, Scale.LINEAR, 0,
                List.of(labels));
    }

    /** An on/off switch: 0 is off, 1 is on. */
    public static ParameterDescriptor toggle(String id, String name, boolean defaultOn) {
        return choice(id, name, defaultOn ? 1 : 0, "Off", "On");
    }

    /** Whether the parameter takes only integer values (a choice or a switch). */
    public boolean stepped() {
        return !valueLabels.isEmpty();
    }

    /** The value limited to the range, rounded for a stepped parameter; NaN becomes the default. */
    public double clamp(double value) {
        if (Double.isNaN(value)) {
            return defaultValue;
        }
        double v = Math.max(min, Math.min(max, value));
        return stepped() ? Math.rint(v) : v;
    }

    /** Control travel (0 to 1) for a value, following {@link #scale()}. */
    public double toNormalized(double value) {
        double v = clamp(value);
        return switch (scale) {
            case LINEAR -> (v - min) / (max - min);
            case LOGARITHMIC -> Math.log(v / min) / Math.log(max / min);
            case DECIBEL -> faderTravel(v);
        };
    }

    /** The value for a control travel (0 to 1); the inverse of {@link #toNormalized}. */
    public double fromNormalized(double travel) {
        double t = Math.max(0, Math.min(1, travel));
        double v = switch (scale) {
            case LINEAR -> min + t * (max - min);
            case LOGARITHMIC -> min * Math.pow(max / min, t);
            case DECIBEL -> faderValue(t);
        };
        return clamp(v);
    }

    /** The value as users read it: {@code "-3.0 dB"}, {@code "1.20 kHz"}, {@code "On"}, {@code "-inf dB"}. */
    public String displayText(double value) {
        double v = clamp(value);
        if (stepped()) {
            return valueLabels.get((int) (v - min));
        }
        if (scale == Scale.DECIBEL && v <= min && min <= -96) {
            return "-inf dB";
        }
        String u = unit;
        if ("Hz".equals(unit) && Math.abs(v) >= 1000) {
            v /= 1000;
            u = "kHz";
        }
        String number = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (number.matches("-0(\\.0*)?")) {
            number = number.substring(1);
        }
        return u.isEmpty() ? number : number + " " + u;
    }

    // Fader law: the top 3/4 of travel is linear in dB down to 'knee' dB below max, the rest is linear in amplitude
    // down to min. That gives fine control near unity and a usable bottom end.
    private static final double KNEE_TRAVEL = 0.25;

    private double kneeDb() {
        return Math.max(min, max - 60);
    }

    private double faderTravel(double db) {
        double knee = kneeDb();
        if (knee <= min || db >= knee) {
            return knee <= min ? (db - min) / (max - min)
                    : KNEE_TRAVEL + (1 - KNEE_TRAVEL) * (db - knee) / (max - knee);
        }
        double gain = Math.pow(10, (db - knee) / 20);
        double floor = Math.pow(10, (min - knee) / 20);
        return KNEE_TRAVEL * (gain - floor) / (1 - floor);
    }

    private double faderValue(double t) {
        double knee = kneeDb();
        if (knee <= min) {
            return min + t * (max - min);
        }
        if (t >= KNEE_TRAVEL) {
            return knee + (t - KNEE_TRAVEL) / (1 - KNEE_TRAVEL) * (max - knee);
        }
        double floor = Math.pow(10, (min - knee) / 20);
        double gain = floor + t / KNEE_TRAVEL * (1 - floor);
        return knee + 20 * Math.log10(gain);
    }
}
