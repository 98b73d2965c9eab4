package org.praxis.worksheet;

import java.util.List;

/** Exactly who can read a response: its author, and by name everyone its visibility lets in. */
public record Readers(Visibility visibility, List<String> names) {
}
