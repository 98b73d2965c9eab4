package org.praxis.base.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two texts, word by word, for showing a post's history, an analysis's
 * versions and a worksheet's rounds. The texts are cut into words and the spaces between them,
 * so the kept and added parts together give the new text exactly, and the kept and removed parts
 * the old one. java-diff-utils' Myers diff in linear space does the comparison: its work grows
 * with the length times the number of changes, so a long text with a few edits is compared word
 * by word however long it is.
 */
public final class WordDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Segment(Kind kind, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {
    }

    /**
     * The texts' words in order: kept words, and between them each change as the removed words
     * followed by the added ones.
     */
    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Segments out = new Segments();
        int kept = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, new MyersDiffWithLinearSpace<String>()).getDeltas()) {
            int at = delta.getSource().getPosition();
            out.same(a.subList(kept, at));
            out.removed.append(String.join("", delta.getSource().getLines()));
            out.added.append(String.join("", delta.getTarget().getLines()));
            kept = at + delta.getSource().size();
        }
        out.same(a.subList(kept, a.size()));
        out.flush();
        return out.list;
    }

    /** Gathers a change until the next kept words, so an insertion next to a deletion reads as one change. */
    private static final class Segments {
        final List<Segment> list = new ArrayList<>();
        final StringBuilder removed = new StringBuilder();
        final StringBuilder added = new StringBuilder();

        void same(List<String> words) {
            if (!words.isEmpty()) {
                flush();
                list.add(new Segment(Kind.SAME, String.join("", words)));
            }
        }

        void flush() {
            if (!removed.isEmpty()) {
                list.add(new Segment(Kind.REMOVED, removed.toString()));
                removed.setLength(0);
            }
            if (!added.isEmpty()) {
                list.add(new Segment(Kind.ADDED, added.toString()));
                added.setLength(0);
            }
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
