package org.praxis.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.organization.County;
import org.praxis.organization.Sector;

/** The bundle has a text for every key the code asks for, and every text is a valid pattern. */
class MessagesTest {

    private static final Pattern TRANSLATED_KEY = Pattern.compile("(?:getTranslation|reject|of|check)\\([^\"]*\"([a-z]+(?:\\.[a-z0-9-]+)+)\"");

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void every_message_key_named_in_the_code_has_a_text() throws IOException {
        Properties bundle = bundle();
        Set<String> missing = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TRANSLATED_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                    if (!bundle.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).as("the scan finds keys at all").hasSizeGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void every_role_sector_and_county_has_a_text() throws IOException {
        Properties bundle = bundle();
        for (Role r : Role.values()) {
            assertThat(bundle).containsKey("role." + r.name());
        }
        for (Sector s : Sector.values()) {
            assertThat(bundle).containsKey(s.messageKey());
        }
        for (County c : County.values()) {
            assertThat(bundle).containsKey(c.messageKey());
        }
    }

    @Test
    void every_text_is_a_valid_message_format_without_straight_quotes() throws IOException {
        Properties bundle = bundle();
        for (String key : bundle.stringPropertyNames()) {
            String text = bundle.getProperty(key);
            assertThat(text).as(key).isNotBlank();
            assertThat(new MessageFormat(text, Locale.ENGLISH).format(new Object[] {2, 3, 4})).as(key).isNotBlank();
            assertThat(text).as(key + " uses ’, since MessageFormat drops a straight quote").doesNotContain("'");
        }
    }

    @Test
    void the_provider_fills_in_parameters_and_marks_missing_keys() {
        Messages messages = new Messages();
        assertThat(messages.getTranslation("validation.too-long", Locale.ENGLISH, 100))
                .isEqualTo("Please keep this to 100 characters or fewer.");
        assertThat(messages.getTranslation("login.throttled", Locale.ENGLISH, 1)).contains("a minute");
        assertThat(messages.getTranslation("login.throttled", Locale.ENGLISH, 12)).contains("12 minutes");
        assertThat(messages.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(messages.getTranslation("nav.home", Locale.FRENCH)).isEqualTo("Home");
    }
}
