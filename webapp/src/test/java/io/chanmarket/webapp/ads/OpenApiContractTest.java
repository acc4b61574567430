package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document generated from the code against the ad API contract
 * ({@code shared/specs/ad-engine-openapi.yaml}): every contract path and method is there, with the same path and query
 * parameters (name, required, type, format), a request body when the contract has one (required alike), the contract's
 * success status, and request and response bodies with the same field names, types, formats, enums, required fields and
 * nullable fields. The document may add to the contract (more operations, statuses, optional fields), never change it.
 * Every difference is listed.
 */
class OpenApiContractTest {

    private static final String GENERATED = "/META-INF/swagger/chanmarket-0.1.yml";

    private final List<String> differences = new ArrayList<>();
    private Map<String, Object> contract;
    private Map<String, Object> generated;

    @Test
    void theGeneratedDocumentMatchesTheContract() throws Exception {
        contract = load(Files.newInputStream(contractFile()));
        try (InputStream in = getClass().getResourceAsStream(GENERATED)) {
            assertThat(in).as("generated document %s on the classpath", GENERATED).isNotNull();
            generated = load(in);
        }
        Map<String, Object> contractPaths = map(contract.get("paths"));
        Map<String, Object> generatedPaths = map(generated.get("paths"));
        int operations = 0;
        for (var path : contractPaths.entrySet()) {
            Map<String, Object> mine = map(generatedPaths.get(path.getKey()));
            if (mine.isEmpty()) {
                differences.add(path.getKey() + ": path missing");
                continue;
            }
            for (var method : map(path.getValue()).entrySet()) {
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = map(mine.get(method.getKey()));
                if (op.isEmpty()) {
                    differences.add(where + ": operation missing");
                    continue;
                }
                operations++;
                compareOperation(where, map(method.getValue()), op);
            }
        }
        assertThat(operations).as("contract operations compared").isEqualTo(17);
        assertThat(differences).as("differences from the contract").isEmpty();
    }

    @Test
    void theComparisonNoticesADifference() throws Exception {
        contract = load(Files.newInputStream(contractFile()));
        generated = load(Files.newInputStream(contractFile()));
        Map<String, Object> campaign = map(map(map(generated.get("components")).get("schemas")).get("Campaign"));
        Map<String, Object> properties = map(campaign.get("properties"));
        properties.put("adTitle", properties.remove("ad_title"));
        compareSchemas("Campaign", Map.of("$ref", "#/components/schemas/Campaign"),
                Map.of("$ref", "#/components/schemas/Campaign"));
        assertThat(differences).anyMatch(d -> d.contains("ad_title"));
    }

    private void compareOperation(String where, Map<String, Object> expected, Map<String, Object> actual) {
        Map<String, Map<String, Object>> expectedParams = parameters(expected);
        Map<String, Map<String, Object>> actualParams = parameters(actual);
        for (var param : expectedParams.entrySet()) {
            Map<String, Object> mine = actualParams.get(param.getKey());
            String at = where + " parameter " + param.getKey();
            if (mine == null) {
                differences.add(at + ": missing");
                continue;
            }
            boolean required = Boolean.TRUE.equals(param.getValue().get("required"));
            if (required != Boolean.TRUE.equals(mine.get("required"))) {
                differences.add(at + ": required " + required + " in the contract, " + mine.get("required"));
            }
            compareSchemas(at, map(param.getValue().get("schema")), map(mine.get("schema")));
        }
        for (var param : actualParams.entrySet()) {
            if (!expectedParams.containsKey(param.getKey()) && Boolean.TRUE.equals(param.getValue().get("required"))) {
                differences.add(where + " parameter " + param.getKey() + ": required, not in the contract");
            }
        }
        Map<String, Object> expectedBody = map(expected.get("requestBody"));
        Map<String, Object> actualBody = map(actual.get("requestBody"));
        if (!expectedBody.isEmpty()) {
            if (actualBody.isEmpty()) {
                differences.add(where + ": request body missing");
            } else {
                if (Boolean.TRUE.equals(expectedBody.get("required")) != Boolean.TRUE
                        .equals(actualBody.get("required"))) {
                    differences.add(where + ": request body required " + expectedBody.get("required")
                            + " in the contract, " + actualBody.get("required"));
                }
                compareSchemas(where + " request", jsonSchema(expectedBody), jsonSchema(actualBody));
            }
        }
        Map<String, Object> actualResponses = map(actual.get("responses"));
        for (var response : map(expected.get("responses")).entrySet()) {
            String code = response.getKey();
            Map<String, Object> mine = map(actualResponses.get(code));
            if (mine.isEmpty()) {
                differences.add(where + ": response " + code + " missing (has " + actualResponses.keySet() + ")");
                continue;
            }
            Map<String, Object> expectedSchema = jsonSchema(map(response.getValue()));
            if (!expectedSchema.isEmpty()) {
                compareSchemas(where + " response " + code, expectedSchema, jsonSchema(mine));
            }
        }
    }

    /** Compares two schemas, each resolved in its own document; {@code allOf} parts are merged. */
    private void compareSchemas(String at, Map<String, Object> expectedRaw, Map<String, Object> actualRaw) {
        Map<String, Object> expected = flatten(contract, expectedRaw);
        Map<String, Object> actual = flatten(generated, actualRaw);
        if (expected.isEmpty()) {
            return;
        }
        if (actual.isEmpty()) {
            differences.add(at + ": schema missing");
            return;
        }
        String type = type(expected);
        if (!Objects.equals(type, type(actual))) {
            differences.add(at + ": type " + type + " in the contract, " + type(actual));
            return;
        }
        if (expected.get("format") != null && !Objects.equals(expected.get("format"), actual.get("format"))) {
            differences.add(at + ": format " + expected.get("format") + " in the contract, " + actual.get("format"));
        }
        if (Boolean.TRUE.equals(expected.get("nullable")) != Boolean.TRUE.equals(actual.get("nullable"))) {
            differences
                    .add(at + ": nullable " + expected.get("nullable") + " in the contract, " + actual.get("nullable"));
        }
        if (expected.get("enum") != null
                && !new TreeSet<>(strings(expected.get("enum"))).equals(new TreeSet<>(strings(actual.get("enum"))))) {
            differences.add(at + ": enum " + expected.get("enum") + " in the contract, " + actual.get("enum"));
        }
        if ("array".equals(type)) {
            compareSchemas(at + "[]", map(expected.get("items")), map(actual.get("items")));
        }
        if ("object".equals(type)) {
            Map<String, Object> expectedProps = map(expected.get("properties"));
            Map<String, Object> actualProps = map(actual.get("properties"));
            Set<String> expectedRequired = new TreeSet<>(strings(expected.get("required")));
            Set<String> actualRequired = new TreeSet<>(strings(actual.get("required")));
            for (var property : expectedProps.entrySet()) {
                String name = property.getKey();
                if (!actualProps.containsKey(name)) {
                    differences.add(at + "." + name + ": field missing (has " + actualProps.keySet() + ")");
                    continue;
                }
                if (expectedRequired.contains(name) != actualRequired.contains(name)) {
                    differences.add(at + "." + name + ": required " + expectedRequired.contains(name)
                            + " in the contract, " + actualRequired.contains(name));
                }
                compareSchemas(at + "." + name, map(property.getValue()), map(actualProps.get(name)));
            }
            for (String name : actualProps.keySet()) {
                if (!expectedProps.containsKey(name) && actualRequired.contains(name)) {
                    differences.add(at + "." + name + ": a required field the contract does not have");
                }
            }
        }
    }

    /** The schema with {@code $ref}s resolved and {@code allOf} parts merged into one object. */
    private static Map<String, Object> flatten(Map<String, Object> document, Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(document, schema);
        if (!resolved.containsKey("allOf")) {
            return resolved;
        }
        Map<String, Object> merged = new LinkedHashMap<>(resolved);
        merged.remove("allOf");
        Map<String, Object> properties = new LinkedHashMap<>(map(merged.get("properties")));
        Set<String> required = new HashSet<>(strings(merged.get("required")));
        for (Object part : (List<?>) resolved.get("allOf")) {
            Map<String, Object> flat = flatten(document, map(part));
            properties.putAll(map(flat.get("properties")));
            required.addAll(strings(flat.get("required")));
            flat.forEach((key, value) -> {
                if (!key.equals("properties") && !key.equals("required") && !key.equals("description")) {
                    merged.putIfAbsent(key, value);
                }
            });
        }
        if (!properties.isEmpty()) {
            merged.put("properties", properties);
            merged.putIfAbsent("type", "object");
        }
        merged.put("required", new ArrayList<>(required));
        return merged;
    }

    private static Map<String, Object> resolve(Map<String, Object> document, Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int depth = 0; depth < 10 && current.get("$ref") instanceof String ref; depth++) {
            Map<String, Object> target = document;
            for (String part : ref.substring(2).split("/")) {
                target = map(target.get(part));
            }
            Map<String, Object> merged = new LinkedHashMap<>(target);
            current.forEach((key, value) -> {
                if (!key.equals("$ref")) {
                    merged.put(key, value);
                }
            });
            current = merged;
        }
        return current;
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            return "object";
        }
        return type == null ? null : type.toString();
    }

    private static Map<String, Map<String, Object>> parameters(Map<String, Object> operation) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (operation.get("parameters") instanceof List<?> list) {
            for (Object p : list) {
                Map<String, Object> param = map(p);
                out.put(param.get("in") + ":" + param.get("name"), param);
            }
        }
        return out;
    }

    private static Map<String, Object> jsonSchema(Map<String, Object> bodyOrResponse) {
        return map(map(map(bodyOrResponse.get("content")).get("application/json")).get("schema"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static Map<String, Object> load(InputStream in) throws Exception {
        try (in) {
            return new Yaml().load(in);
        }
    }

    /**
     * The contract: {@code -Dcontract.spec=<file>}, else {@code shared/specs/ad-engine-openapi.yaml} beside the
     * repository (the project's layout), else the verbatim copy in the test resources (a clone on its own). When both
     * exist, the copy must still equal the shared file.
     */
    static Path contractFile() throws Exception {
        String configured = System.getProperty("contract.spec");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path copy = Path.of(OpenApiContractTest.class.getResource("/contract/ad-engine-openapi.yaml").toURI());
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path shared = dir.resolve("shared/specs/ad-engine-openapi.yaml");
            if (Files.isRegularFile(shared)) {
                assertThat(Files.readString(copy)).as("the test copy of %s", shared)
                        .isEqualTo(Files.readString(shared));
                return shared;
            }
        }
        return copy;
    }
}
