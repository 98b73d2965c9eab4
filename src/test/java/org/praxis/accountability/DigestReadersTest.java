package org.praxis.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A digest tells what is new in the person's own cohorts — analyses shared there and sessions
 * coming up — now that it asks the analysis and session features for them; someone of another
 * cohort is told none of it.
 */
class DigestReadersTest extends IntegrationTest {

    @Autowired
    DigestService digests;
    @Autowired
    AnalysisService analyses;
    @Autowired
    SessionService sessions;

    @Test
    void a_digest_tells_the_cohorts_news_to_its_people_and_none_of_it_to_another_cohort() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person outsider = data.personIn(data.cohort(), Role.MEMBER);
        OffsetDateTime since = OffsetDateTime.now().minusHours(1);
        String word = TestData.unique("Fees");

        data.signIn(author);
        Map<Section, String> text = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            text.put(s, "Who pays, for " + s.key());
        }
        long analysis = analyses.create(cohort, new AnalysisDraft(word + " at intake", null, PolicyArea.HIRING,
                Set.of(Dimension.LANGUAGE), List.of(), text, Set.of()));
        long draft = analyses.create(cohort, new AnalysisDraft(word + " still a draft", null, PolicyArea.HIRING,
                Set.of(Dimension.LANGUAGE), List.of(), text, Set.of()));
        analyses.share(analysis);
        data.signIn(facilitator);
        SessionDraft session = new SessionDraft();
        session.setTitle(word + " session");
        session.setStartsAt(java.time.LocalDateTime.now().plusDays(2));
        session.setEndsAt(java.time.LocalDateTime.now().plusDays(2).plusHours(2));
        sessions.create(cohort, session);
        OffsetDateTime now = OffsetDateTime.now();
        ZoneId zone = ZoneId.of("America/Los_Angeles");

        Digest peers = digests.compose(peer.id(), since, now, zone);
        assertThat(peers.analyses()).containsExactly(word + " at intake");
        assertThat(peers.sessions()).anyMatch(line -> line.contains(word + " session"));
        // the author is not told of their own analysis, and nobody of a draft
        assertThat(digests.compose(author.id(), since, now, zone).analyses()).doesNotContain(word + " at intake",
                word + " still a draft");
        assertThat(draft).isPositive();

        Digest outsiders = digests.compose(outsider.id(), since, now, zone);
        assertThat(outsiders.analyses()).noneMatch(title -> title.startsWith(word));
        assertThat(outsiders.sessions()).noneMatch(line -> line.contains(word));
    }
}
