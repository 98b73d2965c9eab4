package org.praxis.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

/** Damages a search index on disk the way a failing disk or a stray write would, for tests. */
public final class IndexDamage {

    private IndexDamage() {
    }

    /**
     * Letters no other text has, so stored fields keep them as they are (compression finds
     * nothing to share them with) and the term index holds them in lower case only.
     */
    public static String storedOnly() {
        StringBuilder out = new StringBuilder();
        Random random = new Random();
        for (int i = 0; i < 64; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }

    /** Where the damage goes, relative to a text the index stores. */
    public enum Where {
        /** 16 bytes into the stored text itself: reading it gives other letters, and only checksums tell. */
        IN_TEXT,
        /** 16 bytes just ahead of it, where the compressed block says how many plain bytes follow: decoding it fails. */
        AHEAD_OF_TEXT,
        /**
         * Every byte from the start of the first block of stored documents up to the text, so the
         * header of whichever block holds it (a merged segment has many) is gone: every read of
         * those documents fails ({@code CorruptIndexException} or an invalid number).
         */
        BLOCK_HEADER
    }

    /** {@link #overwrite(Path, String, Where)} in the folder of a live index. */
    public static void overwrite(SearchIndex index, String text, Where where) throws Exception {
        overwrite(index.folder(), text, where);
    }

    /**
     * Damages every file of the folder that stores {@code text} (a segment and the one a merge
     * made of it may both hold it while a searcher still reads the first). Compression cuts
     * stored text into short blocks, so in each file this looks for the longest run of the
     * text's letters as they are.
     */
    public static void overwrite(Path folder, String text, Where where) throws Exception {
        byte[] letters = text.getBytes(StandardCharsets.US_ASCII);
        int damaged = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (!Files.isRegularFile(file) || file.getFileName().toString().endsWith(".lock")) {
                    continue;
                }
                byte[] all;
                try {
                    all = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // deleted by a merge while listed
                }
                int start = longestRun(all, letters);
                if (start >= 0) {
                    damage(file, all, start, where);
                    damaged++;
                }
            }
        }
        assertThat(damaged).as("files of the index holding " + text).isPositive();
    }

    /** Where the longest run (8 letters at least) of {@code letters} starts in {@code all}, or -1. */
    private static int longestRun(byte[] all, byte[] letters) {
        int start = -1;
        int longest = 0;
        for (int i = 0; i + 8 <= letters.length; i++) {
            int at = indexOf(all, Arrays.copyOfRange(letters, i, i + 8), 0);
            if (at < 0) {
                continue;
            }
            int from = at;
            int k = i;
            while (from > 0 && k > 0 && all[from - 1] == letters[k - 1]) {
                from--;
                k--;
            }
            int to = at + 8;
            int j = i + 8;
            while (to < all.length && j < letters.length && all[to] == letters[j]) {
                to++;
                j++;
            }
            if (to - from > longest) {
                longest = to - from;
                start = from;
            }
        }
        return start;
    }

    private static void damage(Path file, byte[] all, int start, Where where) throws Exception {
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        int at = switch (where) {
            case IN_TEXT -> start;
            case AHEAD_OF_TEXT -> start - 16;
            case BLOCK_HEADER -> {
                // the stored fields' own header (codec name, version, id, suffix) ends where the first block starts
                byte[] codec = "Lucene90StoredFieldsFastData".getBytes(StandardCharsets.US_ASCII);
                int header = -1;
                for (int from = indexOf(all, codec, 0); from >= 0 && from < start; from = indexOf(all, codec, from + 1)) {
                    header = from;
                }
                assertThat(header).as("the stored fields ahead of the text in " + file).isNotNegative();
                int suffix = all[header + codec.length + 4 + 16] & 0xff;
                int first = header + codec.length + 4 + 16 + 1 + suffix;
                // a block starts with its first document's number: all ones is no number at all
                bytes = new byte[start - first];
                Arrays.fill(bytes, (byte) 0xff);
                yield first;
            }
        };
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), at);
            channel.force(true);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
