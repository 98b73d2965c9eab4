package org.praxis.analysis;

import java.time.OffsetDateTime;

/** A reviewer's comment on one section, made on the version it names. */
public record SectionComment(long id, Section section, int version, String author, String html,
        OffsetDateTime createdAt) {
}
