package org.mixbench.targets.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixbench.api.target.DeliveryTarget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Delivery targets as JSON: the document {@code targets --json} prints, which is also the format of a target file
 * ({@code {"targets": [ {...} ]}}). Reading is strict: unknown fields, values of the wrong kind and targets that
 * {@link DeliveryTarget#problems()} refuses are one line naming the target and the field. Any thread.
 */
final class TargetJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "name", "category", "integrated_lufs", "tolerance_lu",
            "true_peak_dbtp", "max_lra_lu", "min_plr_lu", "sample_rate", "bits", "format", "encoder", "dither",
            "mono_below_hz", "min_correlation", "max_side_minutes", "source", "origin");

    private TargetJson() {
    }

    /** One target as a JSON object, every field present ({@code null} where a target has no value). */
    static ObjectNode write(DeliveryTarget t, String origin) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("category", t.category());
        o.put("integrated_lufs", t.integratedLufs());
        o.put("tolerance_lu", t.toleranceLu());
        o.put("true_peak_dbtp", t.truePeakDbtp());
        o.put("max_lra_lu", t.maxLraLu());
        o.put("min_plr_lu", t.minPlrLu());
        o.put("sample_rate", t.sampleRate());
        o.put("bits", t.bits());
        o.put("format", t.format());
        ObjectNode encoder = o.putObject("encoder");
        new java.util.TreeMap<>(t.encoder()).forEach(encoder::put);
        o.put("dither", t.dither());
        o.put("mono_below_hz", t.monoBelowHz());
        o.put("min_correlation", t.minCorrelation());
        o.put("max_side_minutes", t.maxSideMinutes());
        o.put("source", t.source());
        if (origin != null) {
            o.put("origin", origin);
        }
        return o;
    }

    /** The document of a list of targets with their origins. */
    static String document(List<Map.Entry<DeliveryTarget, String>> targets) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("targets");
        for (Map.Entry<DeliveryTarget, String> e : targets) {
            list.add(write(e.getKey(), e.getValue()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * The targets of a target file's text; throws an {@link IOException} whose message is one line naming the
     * problem ({@code targets[1] (my-radio).true_peak_dbtp: 3 is outside -20..0 dBTP}).
     */
    static List<DeliveryTarget> read(byte[] text) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException("line " + e.getLocation().getLineNr() + ": not JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject() || !root.path("targets").isArray()) {
            throw new IOException("not a target file: expected {\"targets\": [ ... ]}");
        }
        List<DeliveryTarget> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root.get("targets")) {
            String at = "targets[" + i + "]";
            if (!node.isObject()) {
                throw new IOException(at + ": not an object");
            }
            at += node.hasNonNull("id") ? " (" + node.get("id").asText() + ")" : "";
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IOException(at + ": unknown field '" + name + "'");
                }
            }
            DeliveryTarget t = new DeliveryTarget(text(node, "id", at), text(node, "name", at),
                    orDefault(text(node, "category", at), "custom"), number(node, "integrated_lufs", at, null),
                    number(node, "tolerance_lu", at, 1.0), required(node, "true_peak_dbtp", at),
                    number(node, "max_lra_lu", at, null), number(node, "min_plr_lu", at, null),
                    whole(node, "sample_rate", at, null), whole(node, "bits", at, 24), orDefault(text(node,
                            "format", at), "wav"), encoder(node, at), orDefault(text(node, "dither", at), "tpdf"),
                    number(node, "mono_below_hz", at, null), number(node, "min_correlation", at, null),
                    number(node, "max_side_minutes", at, null), text(node, "source", at));
            List<String> problems = t.problems();
            if (!problems.isEmpty()) {
                throw new IOException(at + "." + problems.get(0));
            }
            out.add(t);
            i++;
        }
        return out;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String text(JsonNode node, String field, String at) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IOException(at + "." + field + ": expected text");
        }
        return v.asText();
    }

    private static Double number(JsonNode node, String field, String at, Double fallback) throws IOException {
        JsonNode v = node.get(field);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IOException(at + "." + field + ": expected a finite number");
        }
        return v.asDouble();
    }

    private static double required(JsonNode node, String field, String at) throws IOException {
        Double v = number(node, field, at, null);
        if (v == null) {
            throw new IOException(at + "." + field + ": missing");
        }
        return v;
    }

    private static Integer whole(JsonNode node, String field, String at, Integer fallback) throws IOException {
        Double v = number(node, field, at, fallback == null ? null : fallback.doubleValue());
        if (v == null) {
            return null;
        }
        if (v != Math.rint(v) || Math.abs(v) > 1e9) {
            throw new IOException(at + "." + field + ": expected a whole number");
        }
        return v.intValue();
    }

    private static Map<String, String> encoder(JsonNode node, String at) throws IOException {
        JsonNode v = node.get("encoder");
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new IOException(at + ".encoder: expected an object of texts");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IOException(at + ".encoder." + e.getKey() + ": expected text or a number");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
