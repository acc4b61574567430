package io.chanmarket.webapp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack, checked without a Docker engine: it starts in order (a healthcheck on every long-running service,
 * every dependency waits for a condition), keeps its data in named volumes, publishes only the app on every interface,
 * names no weak default secret, and every file it mounts exists.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(:?[-?])([^}]*)}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndEveryDependencyACondition() throws Exception {
        services().forEach((name, service) -> {
            if (!name.equals("minio-init")) {
                assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn != null) {
                assertThat(dependsOn).as(name + " depends_on with conditions").isInstanceOf(Map.class);
                ((Map<String, Map<String, Object>>) dependsOn).forEach(
                        (on, condition) -> assertThat(condition).as(name + " -> " + on).containsKey("condition"));
            }
        });
        Map<String, Object> app = services().get("app");
        assertThat(app).containsKey("stop_grace_period");
        assertThat((Map<String, Object>) app.get("depends_on")).containsKeys("postgres", "redis");
    }

    @Test
    void onlyTheAppListensOnEveryInterface() throws Exception {
        services().forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                if (!name.equals("app")) {
                    assertThat(port.toString()).as(name + " port").startsWith("127.0.0.1:");
                }
            }
        });
    }

    @Test
    void dataLivesInNamedVolumesAndMountedFilesExist() throws Exception {
        Map<String, Object> declared = (Map<String, Object>) compose().get("volumes");
        for (String stateful : List.of("app", "postgres", "redis", "minio", "prometheus", "loki", "grafana")) {
            List<String> volumes = (List<String>) services().get(stateful).get("volumes");
            assertThat(volumes).as(stateful + " volumes").isNotNull();
            assertThat(volumes.stream().map(v -> v.split(":")[0]).filter(declared::containsKey)).as(stateful)
                    .isNotEmpty();
        }
        services().forEach((name, service) -> {
            for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
                String source = volume.split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
                } else if (!source.startsWith("/")) {
                    assertThat(declared).as(name + " volume " + source + " declared").containsKey(source);
                }
            }
        });
    }

    @Test
    void secretsHaveNoDefaults() throws Exception {
        Matcher m = VARIABLE.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        int required = 0;
        while (m.find()) {
            String name = m.group(1);
            boolean secret = name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_KEY");
            if (secret && m.group(2).endsWith("-")) {
                assertThat(m.group(3)).as(name + " must not default to a known value").isEmpty();
            }
            if (m.group(2).endsWith("?")) {
                required++;
            }
        }
        assertThat(required).isGreaterThanOrEqualTo(4);
    }
}
