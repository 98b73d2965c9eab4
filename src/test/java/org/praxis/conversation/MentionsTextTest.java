package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionsTextTest {

    private final List<MentionPerson> people = List.of(new MentionPerson(1, "Leah Jim"), new MentionPerson(2, "Leah"),
            new MentionPerson(3, "Sam Okafor"));

    @Test
    void the_longest_fitting_name_wins_and_a_mail_address_is_no_mention() {
        var r = Mentions.resolve("@Leah Jim, @leah and @Sam; write to sam@example.org", people);
        assertThat(r.text()).isEqualTo("@[1], @[2] and @[3]; write to sam@example.org");
        assertThat(r.ids()).containsExactly(1L, 2L, 3L);
        assertThat(r.unknown()).isEmpty();
        assertThat(r.ambiguous()).isEmpty();
    }

    @Test
    void a_name_is_inserted_as_text_so_markup_in_it_stays_text() {
        String html = Mentions.html("<p>hi @[7] and <code>@[7]</code></p>", id -> "<img src=x onerror=alert(1)>");
        assertThat(html).isEqualTo("<p>hi <span class=\"praxis-mention\">@&lt;img src=x onerror=alert(1)&gt;</span>"
                + " and <code>@[7]</code></p>");
    }

    @Test
    void an_unknown_person_keeps_the_token_when_edited() {
        assertThat(Mentions.editable("@[1] and @[9]", Map.of(1L, "Leah Jim"))).isEqualTo("@Leah Jim and @[9]");
    }
}
