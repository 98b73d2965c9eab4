package org.praxis.base.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip a member downloads: Markdown to read and JSON to reuse, one folder per feature. Texts
 * around the data (headings, labels) come from the message bundle in the reader's language.
 */
public final class PersonalArchive implements AutoCloseable {

    private final ZipOutputStream zip;
    private final ObjectMapper json;
    private final BiFunction<String, Object[], String> translate;
    private final Set<String> paths = new HashSet<>();
    private final List<String> written = new ArrayList<>();

    public PersonalArchive(OutputStream out, ObjectMapper json, BiFunction<String, Object[], String> translate) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.translate = translate;
    }

    /** A text of the bundle, in the reader's language. */
    public String text(String key, Object... args) {
        return translate.apply(key, args);
    }

    /** Adds a text file ({@code path} inside the zip, with folders separated by '/'). */
    public void add(String path, String content) {
        if (!paths.add(path)) {
            throw new IllegalArgumentException("Already in the archive: " + path);
        }
        try {
            zip.putNextEntry(new ZipEntry(path));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(path);
    }

    /** Adds a value (records, lists, maps) as indented JSON. */
    public void json(String path, Object value) {
        try {
            add(path, json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths written so far, in order. */
    public List<String> paths() {
        return Collections.unmodifiableList(written);
    }

    /** A file name made of the title's letters and digits, for a path inside the archive. */
    public static String fileName(String title, long id) {
        String base = title == null ? "" : title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-$", "");
        }
        return (base.isEmpty() ? "" : base + "-") + id;
    }

    @Override
    public void close() {
        try {
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
