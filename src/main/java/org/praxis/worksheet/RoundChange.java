package org.praxis.worksheet;

import java.util.List;
import org.praxis.base.text.WordDiff;

/**
 * One question across two rounds: both answers, and for written answers the words added and
 * removed. {@code question} is from the later round's version (or the earlier one's, when the
 * later version dropped it).
 */
public record RoundChange(Question question, Answer before, Answer after, List<WordDiff.Segment> diff, boolean changed) {
}
