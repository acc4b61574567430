package io.chanmarket.webapp.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Lints the generated OpenAPI document with a real OpenAPI linter: Redocly CLI (npm {@code @redocly/cli}, pinned; its
 * recommended rules and {@code webapp/redocly.yaml}), run through {@code npx}, which fetches it from the npm registry
 * on first use. Fails on any error; warnings are allowed. Skipped when Node.js ({@code npx}) is not installed.
 */
class OpenApiLintIT {

    /** Works with Node.js 18.17 and later (Debian 12's own package). */
    static final String REDOCLY = "@redocly/cli@1.34.20";

    @Test
    void theGeneratedDocumentHasNoLintErrors() throws Exception {
        Assumptions.assumeTrue(onPath("npx"), "npx (Node.js) missing: apt-get install -y nodejs npm");
        Path document = Path.of("target/classes/META-INF/swagger/chanmarket-0.1.yml");
        assertThat(document).exists();
        Path output = Files.createTempFile("redocly", ".txt");
        Process lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", "--config", "redocly.yaml",
                "--format", "stylish", document.toString())).redirectErrorStream(true).redirectOutput(output.toFile())
                        .start();
        boolean finished = lint.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            lint.destroyForcibly();
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(finished).as("redocly finished in 10 minutes").isTrue();
        assertThat(lint.exitValue()).as("redocly lint (0 errors expected):%n%s", report).isZero();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
