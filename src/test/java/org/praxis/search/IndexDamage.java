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

    /** Where the 16 bytes go, relative to a text the index stores. */
    public enum Where {
        /** Into the stored text itself: reading it gives other letters, and only checksums tell. */
        IN_TEXT,
        /** Just ahead of it, where the compressed block says how many plain bytes follow: decoding it fails. */
        AHEAD_OF_TEXT,
        /**
         * Over the start of the block of stored documents that holds it (which documents it holds):
         * every read of those documents fails with a {@code CorruptIndexException}.
         */
        BLOCK_HEADER
    }

    /** {@link #overwrite16Bytes(Path, String, Where)} in the folder of a live index. */
    public static void overwrite16Bytes(SearchIndex index, String text, Where where) throws Exception {
        overwrite16Bytes(index.folder(), text, where);
    }

    /**
     * Overwrites 16 bytes of the file that stores {@code text}. Compression cuts stored text into
     * short blocks, so this looks for the longest run of the text's letters as they are.
     */
    public static void overwrite16Bytes(Path folder, String text, Where where) throws Exception {
        byte[] letters = text.getBytes(StandardCharsets.US_ASCII);
        Path found = null;
        int start = -1;
        int longest = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                byte[] all = Files.readAllBytes(file);
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
                        found = file;
                    }
                }
            }
        }
        assertThat(found).as("a file of the index holding " + text).isNotNull();
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        int at = switch (where) {
            case IN_TEXT -> start;
            case AHEAD_OF_TEXT -> start - 16;
            case BLOCK_HEADER -> {
                // the stored fields' own header (codec name, version, id, suffix) ends where the first block starts
                byte[] all = Files.readAllBytes(found);
                byte[] codec = "Lucene90StoredFieldsFastData".getBytes(StandardCharsets.US_ASCII);
                int header = -1;
                for (int from = indexOf(all, codec, 0); from >= 0 && from < start; from = indexOf(all, codec, from + 1)) {
                    header = from;
                }
                assertThat(header).as("the stored fields ahead of " + text).isNotNegative();
                int suffix = all[header + codec.length + 4 + 16] & 0xff;
                // the first document's number as the largest there is: no document is in this block
                bytes = new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                yield header + codec.length + 4 + 16 + 1 + suffix;
            }
        };
        try (FileChannel channel = FileChannel.open(found, StandardOpenOption.WRITE)) {
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
