package org.praxis.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.ORGANIZATION;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The safety net under every form's own check: text that reaches the database with a character
 * PostgreSQL refuses (NUL) or cannot encode (half a surrogate pair) is stored without it instead
 * of failing the save, whatever query or JSON document it travels in.
 */
class StorableTextTest extends IntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void a_nul_in_a_bound_text_is_dropped_instead_of_failing_the_statement() {
        String name = TestData.unique("Clinic");
        long id = data.db().insertInto(ORGANIZATION)
                .set(ORGANIZATION.NAME, name + "\u0000 North")
                .set(ORGANIZATION.SECTOR, "HEALTH_CARE").set(ORGANIZATION.COUNTY, "WHATCOM")
                .returning(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);

        assertThat(data.db().select(ORGANIZATION.NAME).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id))
                .fetchSingle(ORGANIZATION.NAME)).isEqualTo(name + " North");
        assertThat(data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.eq(name + "\u0000 North"))).isEqualTo(1);
    }

    @Test
    void half_a_surrogate_pair_is_dropped_and_whole_pairs_are_kept() {
        String stored = data.db().select(DSL.val("a\uD83D b \uD83D\uDE00 c\uDE00")).fetchSingle().value1();

        assertThat(stored).isEqualTo("a b \uD83D\uDE00 c");
    }

    @Test
    void text_arrays_are_cleaned_too() {
        String[] stored = data.db().select(DSL.val(new String[] {"in\u0000take", "fees"})).fetchSingle().value1();

        assertThat(stored).containsExactly("intake", "fees");
    }

    @Test
    void json_written_for_jsonb_columns_carries_no_nul() throws Exception {
        String written = json.writeValueAsString(Map.of("answer", "Interpreters\u0000 until five"));
        JSONB stored = data.db().select(DSL.val(JSONB.valueOf(written))).fetchSingle().value1();

        assertThat(json.readValue(stored.data(), Map.class)).containsEntry("answer", "Interpreters until five");
    }
}
