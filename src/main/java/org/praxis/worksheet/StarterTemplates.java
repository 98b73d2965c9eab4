package org.praxis.worksheet;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Installs the starter templates the project ships ({@code worksheets/starters.json}) at
 * startup, before the demo data: once, and again as a new version when their wording changes.
 */
@Component
@Order(0)
class StarterTemplates implements ApplicationRunner {

    static final String RESOURCE = "/worksheets/starters.json";

    record Starter(String key, TemplateDefinition definition) {
    }

    private final TemplateService templates;
    private final WorksheetJson json;

    StarterTemplates(TemplateService templates, WorksheetJson json) {
        this.templates = templates;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Starter s : starters()) {
            templates.installStarter(s.key(), s.definition());
        }
    }

    List<Starter> starters() {
        try (InputStream in = StarterTemplates.class.getResourceAsStream(RESOURCE)) {
            return json.read(in, new TypeReference<List<Starter>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
