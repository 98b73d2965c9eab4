package org.praxis.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.session.PromptDraft;
import org.praxis.session.PromptItem;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A prompt's thread carries the prompt's question as its title, and so do the thread's posts in
 * the index: a facilitator who rewords the prompt must find the thread and its posts under the
 * new words, and nobody may find them under the old ones any more.
 */
class RenamedPromptSearchTest extends IntegrationTest {

    @Autowired
    SessionService sessions;
    @Autowired
    ThreadService threads;
    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;

    private List<SearchHit> find(TestData.Person who, String q) throws Exception {
        indexer.catchUp();
        data.signIn(who);
        return search.search(q, 20);
    }

    @Test
    void a_reworded_prompt_is_found_by_its_new_words_and_no_longer_by_its_old_ones() throws Exception {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        String before = "zqold" + Long.toString(System.nanoTime(), 36);
        String after = "zqnew" + Long.toString(System.nanoTime(), 36);
        data.signIn(facilitator);
        SessionDraft s = new SessionDraft();
        s.setTitle("Language access");
        s.setStartsAt(LocalDateTime.of(2027, 3, 4, 9, 0));
        s.setEndsAt(LocalDateTime.of(2027, 3, 4, 11, 0));
        long session = sessions.create(cohort, s);
        PromptDraft p = new PromptDraft();
        p.setQuestion("Who is left out " + before + "?");
        long prompt = sessions.addPrompt(session, p);
        long thread = sessions.get(session).prompts().stream().filter(i -> i.id() == prompt).findFirst()
                .map(PromptItem::threadId).orElseThrow();
        data.signIn(member);
        long post = threads.reply(thread, null, "Families who speak Mixtec at home.", false, false);
        assertThat(find(member, before)).extracting(SearchHit::type, SearchHit::id)
                .contains(tuple("thread", thread),
                        tuple("post", post));

        data.signIn(facilitator);
        p.setQuestion("Who is kept out " + after + "?");
        sessions.updatePrompt(prompt, p);

        List<SearchHit> renamed = find(member, after);
        assertThat(renamed).extracting(SearchHit::type, SearchHit::id)
                .contains(tuple("thread", thread),
                        tuple("post", post));
        assertThat(renamed).filteredOn(h -> h.type().equals("post")).extracting(SearchHit::title)
                .containsExactly("Who is kept out " + after + "?");
        assertThat(find(member, before)).isEmpty();
    }
}
