package org.mixbench.mastering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mixbench.api.contribution.ContributionKind;
import org.mixbench.api.contribution.ContributionRegistry;
import org.mixbench.api.processor.ParameterDescriptor;
import org.mixbench.api.processor.ProcessorFactory;
import org.mixbench.mixing.session.Session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A mastering chain: processors in order, each in the insert format of mix sessions (processor id, bypass,
 * parameters, data), read from a chain file ({@code --chain CHAIN.json}, documented in docs/mastering.md):
 * <pre>{"format": "mixbench-chain", "version": 1, "inserts": [ {"processor": "mixbench.mastering-eq",
 *   "parameters": {"band1.enabled": 1, ...}}, ... ]}</pre>
 * The limiter that sets the loudness is not part of it: the engine adds it last, for each target. Immutable; any
 * thread.
 *
 * @param inserts the processors in order
 */
public record MasteringChain(List<Session.Insert> inserts) {
    /** The value of {@code format} in a chain file. */
    public static final String FORMAT = "mixbench-chain";
    /** The most processors a chain holds. */
    public static final int MAX_INSERTS = Session.MAX_PER_STRIP;
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the list. */
    public MasteringChain {
        inserts = List.copyOf(inserts);
    }

    /** The chain with nothing in it (the limiter alone). */
    public static MasteringChain empty() {
        return new MasteringChain(List.of());
    }

    /** This chain with {@code insert} added at the end. */
    public MasteringChain with(Session.Insert insert) {
        List<Session.Insert> all = new ArrayList<>(inserts);
        all.add(insert);
        return new MasteringChain(all);
    }

    /**
     * Reads a chain file. Any problem is an {@link IOException} whose message is one line naming the place
     * ({@code inserts[1].parameters.ratio: not a number}), without the file name. Command thread.
     */
    public static MasteringChain read(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new IOException("too large for a chain file (" + attributes.size() + " bytes)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a Mixbench chain (not a JSON object)");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new IOException("not a Mixbench chain (\"format\" must be \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(0) != 1) {
            throw new IOException("version " + root.path("version") + " is not supported (1 is)");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!List.of("format", "version", "inserts").contains(name)) {
                throw new IOException(name + ": unknown field (format, version and inserts are known)");
            }
        }
        JsonNode list = root.path("inserts");
        if (!list.isArray()) {
            throw new IOException("inserts: missing or not a list");
        }
        if (list.size() > MAX_INSERTS) {
            throw new IOException("inserts: " + list.size() + " processors; at most " + MAX_INSERTS);
        }
        List<Session.Insert> inserts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            inserts.add(insert(list.get(i), "inserts[" + i + "]"));
        }
        return new MasteringChain(inserts);
    }

    private static Session.Insert insert(JsonNode node, String at) throws IOException {
        if (!node.isObject()) {
            throw new IOException(at + ": not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!List.of("processor", "bypass", "parameters", "data").contains(name)) {
                throw new IOException(at + "." + name + ": unknown field (processor, bypass, parameters and data are "
                        + "known)");
            }
        }
        JsonNode processor = node.path("processor");
        if (!processor.isTextual() || processor.asText().isBlank()) {
            throw new IOException(at + ".processor: missing (a processor id such as mixbench.limiter)");
        }
        JsonNode bypass = node.path("bypass");
        if (!bypass.isMissingNode() && !bypass.isBoolean()) {
            throw new IOException(at + ".bypass: not true or false");
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        JsonNode p = node.path("parameters");
        if (!p.isMissingNode()) {
            if (!p.isObject()) {
                throw new IOException(at + ".parameters: not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isBoolean()) {
                    parameters.put(e.getKey(), v.asBoolean() ? 1.0 : 0.0);
                } else if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new IOException(at + ".parameters." + e.getKey() + ": not a finite number");
                } else {
                    parameters.put(e.getKey(), v.asDouble());
                }
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        JsonNode d = node.path("data");
        if (!d.isMissingNode()) {
            if (!d.isObject()) {
                throw new IOException(at + ".data: not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new IOException(at + ".data." + e.getKey() + ": not text");
                }
                data.put(e.getKey(), e.getValue().asText());
            }
        }
        return new Session.Insert(processor.asText(), bypass.asBoolean(false), parameters, data);
    }

    /**
     * What stops this chain from running with the processors installed in {@code registry}: a processor that is not
     * installed, a parameter value outside its range. Each is one line naming the insert; empty when it can run.
     * Command thread.
     */
    public List<String> problems(ContributionRegistry registry) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            Session.Insert insert = inserts.get(i);
            String at = "inserts[" + i + "] (" + insert.processor() + ")";
            Optional<ProcessorFactory> factory = registry.find(ContributionKind.PROCESSOR, insert.processor(),
                    ProcessorFactory.class);
            if (factory.isEmpty()) {
                out.add(at + ": no such processor is installed (./mixbench plugins lists them)");
                continue;
            }
            List<ParameterDescriptor> parameters;
            try {
                parameters = factory.get().parameters();
            } catch (RuntimeException e) {
                out.add(at + ": the processor failed to list its parameters: " + e);
                continue;
            }
            for (Map.Entry<String, Double> e : insert.parameters().entrySet()) {
                Optional<ParameterDescriptor> d = parameters.stream().filter(x -> x.id().equals(e.getKey()))
                        .findFirst();
                if (d.isEmpty()) {
                    out.add(at + ".parameters." + e.getKey() + ": the processor has no such parameter");
                } else if (e.getValue() < d.get().min() || e.getValue() > d.get().max()) {
                    out.add(at + ".parameters." + e.getKey() + ": " + e.getValue() + " is outside "
                            + d.get().min() + ".." + d.get().max() + (d.get().unit().isEmpty() ? "" : " "
                            + d.get().unit()));
                }
            }
        }
        return out;
    }
}
