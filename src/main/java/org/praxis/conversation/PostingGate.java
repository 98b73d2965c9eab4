package org.praxis.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may post in a thread now, for threads another feature runs on its own terms (a peer
 * consultation's stages). {@link ThreadService} asks every gate before each post, reply and edit
 * and refuses with the gate's message at the body field; the thread's header carries the same
 * answer, so the page shows why the reply box is closed instead of a box that would be refused.
 * The feature that owns such threads implements it as a Spring bean; this feature cannot ask it
 * directly (it depends on this one). A gate answers only for its own threads and stays silent
 * (empty) on every other; the thread's own safeguards (agreements, locks, slow mode, a closed
 * cohort) apply whatever it says.
 */
public interface PostingGate {

    /**
     * Why {@code memberId} may not write in {@code threadId} now, or empty when this gate lets
     * them (or the thread is not one of its own). {@code facilitator}: they facilitate its cohort.
     */
    Optional<Text> refusal(long threadId, long memberId, boolean facilitator);

    /** Where the thread's page leads back to (its owner's page), or empty for the usual way back. */
    default Optional<Back> back(long threadId) {
        return Optional.empty();
    }

    /** A link back: a route and its label from the message bundle. */
    record Back(String route, Text label) {
    }

    /** A text from the message bundle and its arguments. */
    record Text(String key, List<Object> args) {

        public Text {
            args = List.copyOf(args);
        }

        public static Text of(String key, Object... args) {
            return new Text(key, Arrays.asList(args));
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }
}
