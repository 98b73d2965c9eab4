package org.praxis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.praxis.base.db.DatabaseProperties;

/** When the demo cohort is seeded: on the embedded database by default, on a configured one only when asked. */
class DemoSwitchTest {

    private static DemoData demo(String url, String setting) {
        return new DemoData(null, null, new DatabaseProperties(url, "u", "p", "", 10, null), null, setting, "pw");
    }

    @Test
    void the_embedded_database_is_seeded_unless_switched_off() {
        assertThat(demo("", "auto").enabled()).isTrue();
        assertThat(demo(null, "auto").enabled()).isTrue();
        assertThat(demo("", "false").enabled()).isFalse();
    }

    @Test
    void a_configured_server_is_never_seeded_unless_praxis_demo_is_true() {
        String url = "jdbc:postgresql://db:5432/praxis";
        assertThat(demo(url, "auto").enabled()).isFalse();
        assertThat(demo(url, "").enabled()).isFalse();
        assertThat(demo(url, "false").enabled()).isFalse();
        assertThat(demo(url, "true").enabled()).isTrue();
        assertThat(demo(url, "TRUE").enabled()).isTrue();
    }
}
