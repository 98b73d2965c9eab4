package org.praxis.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.search.Indexer;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** A consultation's dilemma is found by its cohort, and by nobody of another cohort. */
class ConsultationSearchTest extends IntegrationTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;

    @Test
    void the_dilemma_is_found_by_a_peer_of_its_cohort_and_not_by_another_cohort() throws Exception {
        long cohort = data.cohort();
        TestData.Person presenter = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person outsider = data.personIn(data.cohort(), Role.FACILITATOR);
        // a word no other test writes, so results are this test's alone
        String word = "zc" + Long.toString(System.nanoTime(), 36);
        data.signIn(presenter);
        long id = consultations.bring(cohort, new ConsultationDraft("Evening hours", "The clinic closes early " + word,
                "We asked the van to run earlier.", "Who decides the hours?"));

        List<SearchHit> hits = find(peer, word);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("consultation");
            assertThat(h.path()).isEqualTo("consultations/" + id);
            assertThat(h.title()).isEqualTo("Evening hours");
            assertThat(h.author()).isEqualTo(presenter.name());
        });
        assertThat(find(outsider, word)).isEmpty();
    }

    private List<SearchHit> find(TestData.Person who, String q) throws Exception {
        indexer.catchUp();
        data.signIn(who);
        return search.search(q, 20);
    }
}
