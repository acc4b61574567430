package io.chanmarket.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Russian and English UI texts stay in step, and every key the templates and code use exists. */
class MessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties props = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    @Test
    void everyKeyExistsInRussianAndEnglish() throws IOException {
        Set<String> russian = bundle("admin.properties").stringPropertyNames();
        Set<String> english = bundle("admin_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(russian)).isEqualTo(new TreeSet<>(english));
        assertThat(russian).allSatisfy(key -> assertThat(bundle("admin.properties").getProperty(key)).isNotBlank());
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> keys = bundle("admin.properties").stringPropertyNames();
        Pattern templateKey = Pattern.compile("ctx\\.t\\(\"([a-z][a-z0-9.-]*[a-z0-9])\"");
        Pattern labelKey = Pattern.compile("label = \"([a-z][a-z0-9.-]*[a-z0-9])\"");
        Pattern codeKey = Pattern.compile("\"((?:error|login|role)\\.[a-z0-9.-]*[a-z0-9])\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".jte") || f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                for (Pattern p : new Pattern[] { templateKey, labelKey, codeKey }) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (String role : new String[] { "ADMIN", "MANAGER", "MODERATOR" }) {
            used.add("role." + role);
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void russianIsTheDefaultAndEnglishIsChosenByAcceptLanguage() {
        Messages messages = new Messages();
        assertThat(messages.forLanguage("ru").get("login.submit")).isEqualTo("Войти");
        assertThat(messages.forLanguage("en").get("login.submit")).isEqualTo("Sign in");
        assertThat(messages.forLanguage("en").get("login.locked", 15)).contains("15 min");
    }
}
