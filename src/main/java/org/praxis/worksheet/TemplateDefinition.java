package org.praxis.worksheet;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What one version of a template asks: its title, why it exists, and its steps in order. */
public record TemplateDefinition(String title, String purpose, List<Step> steps) {

    public TemplateDefinition {
        purpose = purpose == null ? "" : purpose;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Stream<Question> questions() {
        return steps.stream().flatMap(s -> s.questions().stream());
    }

    public Optional<Question> question(String key) {
        return questions().filter(q -> q.key().equals(key)).findFirst();
    }
}
