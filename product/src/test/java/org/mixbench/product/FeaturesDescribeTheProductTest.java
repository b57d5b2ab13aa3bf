package org.mixbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The product is exactly the union of its features. */
class FeaturesDescribeTheProductTest {
    private static final Pattern JAR = Pattern.compile("(.+?)-(\\d.*)\\.jar");

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element e, String name) {
        NodeList list = e.getElementsByTagName(name);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
    }

    /** groupId:artifactId of every dependency in a POM's dependencies section. */
    private static Set<String> dependencies(Path pom) throws Exception {
        Set<String> result = new TreeSet<>();
        NodeList deps = parse(pom).getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            result.add(child(d, "groupId") + ":" + child(d, "artifactId"));
        }
        return result;
    }

    private static TreeMap<String, Path> features() throws Exception {
        TreeMap<String, Path> features = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ProductFiles.root().resolve("features"))) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                features.put(dir.getFileName().toString(), dir.resolve("pom.xml"));
            }
        }
        assertFalse(features.isEmpty(), "no features found");
        return features;
    }

    @Test
    void everyBundleInTheProductIsNamedByAFeatureAndEveryNamedBundleIsInTheProduct() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Path pom : features().values()) {
            dependencies(pom).forEach(ga -> named.add(ga.substring(ga.indexOf(':') + 1)));
        }
        Set<String> shipped = new TreeSet<>();
        try (Stream<Path> jars = Files.list(ProductFiles.product().resolve("bundle"))) {
            for (Path jar : jars.toList()) {
                Matcher m = JAR.matcher(jar.getFileName().toString());
                if (!m.matches()) {
                    throw new AssertionError("unexpected file in the product's bundle folder: " + jar);
                }
                shipped.add(m.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(shipped);
        Set<String> unnamed = new TreeSet<>(shipped);
        unnamed.removeAll(named);
        assertEquals(Set.of(), missing, "features name bundles the product lacks");
        assertEquals(Set.of(), unnamed, "the product holds bundles no feature names");
    }

    @Test
    void theProductIsAssembledFromEveryFeatureAndOnlyFromFeatures() throws Exception {
        Set<String> featureArtifacts = new TreeSet<>();
        for (Path pom : features().values()) {
            Document doc = parse(pom);
            Element project = doc.getDocumentElement();
            NodeList children = project.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e && e.getTagName().equals("artifactId")) {
                    featureArtifacts.add("org.mixbench:" + e.getTextContent().trim());
                }
            }
        }
        Set<String> productFeatures = dependencies(ProductFiles.root().resolve("product/pom.xml")).stream()
                .filter(ga -> ga.contains(":mixbench-feature-")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(featureArtifacts, productFeatures, "the product must depend on exactly the features");
    }
}
