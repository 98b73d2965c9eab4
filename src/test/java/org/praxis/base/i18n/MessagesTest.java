package org.praxis.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.DigestFrequency;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisStatus;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.LibraryFilter;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationStatus;
import org.praxis.joining.Authority;
import org.praxis.organization.County;
import org.praxis.organization.Sector;
import org.praxis.search.SearchOutbox;
import org.praxis.worksheet.QuestionKind;
import org.praxis.worksheet.ResponseStatus;
import org.praxis.worksheet.Visibility;

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

    /** {@code getTranslation("prefix." + …)}: keys built at run time, by prefix. */
    private static final Pattern BUILT_KEY = Pattern.compile("getTranslation\\(\"([a-z0-9.-]+\\.)\" \\+");

    private static List<String> lower(Enum<?>[] values) {
        return Stream.of(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Every suffix each built key can take, as the code builds it from its enum. */
    private static final Map<String, List<String>> SUFFIXES = Map.ofEntries(
            Map.entry("thread.sort.", Stream.of(ThreadService.Sort.values()).map(Enum::name).toList()),
            Map.entry("role.", Stream.of(Role.values()).map(Enum::name).toList()),
            // the page of a valid link shows the form instead
            Map.entry("reset.refused.", Stream.of(org.praxis.member.PasswordResetService.State.values())
                    .filter(s -> s != org.praxis.member.PasswordResetService.State.VALID)
                    .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList()),
            Map.entry("cohort-people.role.", Stream.of(org.praxis.cohort.CohortRole.values()).map(Enum::name).toList()),
            Map.entry("commitment.status.", lower(CommitmentStatus.values())),
            Map.entry("commitment.sharing.", lower(Sharing.values())),
            Map.entry("commitment.rhythm.", lower(Rhythm.values())),
            Map.entry("reminders.digest.", lower(DigestFrequency.values())),
            Map.entry("analysis.area.", lower(PolicyArea.values())),
            Map.entry("analysis.dimension.", lower(Dimension.values())),
            Map.entry("analysis.status.", lower(AnalysisStatus.values())),
            Map.entry("analysis.section.", Stream.of(Section.values()).map(Section::key).toList()),
            Map.entry("library.order.", lower(LibraryFilter.Order.values())),
            Map.entry("library.status.", lower(AnalysisStatus.values())),
            Map.entry("worksheet.status.", lower(ResponseStatus.values())),
            Map.entry("worksheet.kind.", lower(QuestionKind.values())),
            Map.entry("worksheet.visibility.", lower(Visibility.values())),
            Map.entry("worksheet.shared-with.", lower(Visibility.values())),
            Map.entry("application.status.", lower(ApplicationStatus.values())),
            Map.entry("apply.authority.", lower(Authority.values())),
            Map.entry("search.type.", lower(SearchOutbox.Type.values())),
            Map.entry("reports.action.", lower(org.praxis.conversation.ReportAction.values())),
            Map.entry("notifications.delivery.", lower(org.praxis.notification.NotificationKind.Delivery.values())),
            Map.entry("thread.follow-status.", lower(org.praxis.conversation.ThreadFollowService.Follow.values())),
            Map.entry("consultation.stage.", Stream.of(org.praxis.consultation.Stage.values()).map(Enum::name).toList()),
            Map.entry("consultation.now.", Stream.of(org.praxis.consultation.Stage.values()).map(Enum::name).toList()),
            Map.entry("consultation.mode.", Stream.of(org.praxis.consultation.Mode.values()).map(Enum::name).toList()),
            // the stages a facilitator moves on from
            Map.entry("consultation.move.forward.", Stream.of(org.praxis.consultation.Stage.values())
                    .filter(s -> s != org.praxis.consultation.Stage.WAITING && s.next() != null).map(Enum::name).toList()),
            Map.entry("consultation.length.", List.of("questions", "reflections", "response")),
            Map.entry("consultation.field.", List.of("title", "title.help", "situation", "situation.help", "tried",
                    "tried.help", "question", "question.help")),
            Map.entry("note.visibility.", lower(org.praxis.practice.NoteVisibility.values())),
            Map.entry("note.visibility.short.", lower(org.praxis.practice.NoteVisibility.values())),
            Map.entry("note.readers.", lower(org.praxis.practice.NoteVisibility.values())),
            Map.entry("note.field.", Stream.of(org.praxis.practice.NoteField.values())
                    .map(org.praxis.practice.NoteField::key).toList()),
            Map.entry("note.link.", List.of("session", "commitment", "analysis", "response", "thread")),
            // a valid link offers the change instead of a refusal
            Map.entry("account.email.link.", Stream.of(org.praxis.member.EmailLink.State.values())
                    .filter(s -> s != org.praxis.member.EmailLink.State.VALID)
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));

    /**
     * Built keys whose suffixes are not one enum's values (decisions a status may move to, refusal
     * states, facts' codes, notification and event kinds, filter names): the bundle must at least
     * know the prefix. Sector's keys are checked by {@link #every_role_sector_and_county_has_a_text}.
     */
    private static final Set<String> SUFFIXES_NOT_ENUMERATED = Set.of("application.action.", "application.decision.title.",
            "application.event.", "join.refused.", "fact.", "notifications.", "search.filter.", "worksheet.answer.",
            "sector.");

    @Test
    void every_key_built_at_run_time_has_a_text_for_every_value() throws IOException {
        Properties bundle = bundle();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = BUILT_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            }
        }
        assertThat(prefixes).as("the scan finds built keys at all").contains("thread.sort.", "role.");
        assertThat(prefixes).as("a new built key says which values it takes (SUFFIXES) or why it cannot")
                .allMatch(p -> SUFFIXES.containsKey(p) || SUFFIXES_NOT_ENUMERATED.contains(p));
        Set<String> missing = new TreeSet<>();
        SUFFIXES.forEach((prefix, suffixes) -> suffixes.stream().map(suffix -> prefix + suffix)
                .filter(key -> !bundle.containsKey(key)).forEach(missing::add));
        assertThat(missing).isEmpty();
        assertThat(SUFFIXES_NOT_ENUMERATED).allMatch(p -> bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(p)));
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
