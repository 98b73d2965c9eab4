package org.praxis.worksheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;

/** Templates' definitions and responses' answers, to and from their jsonb columns. */
@Component
class WorksheetJson {

    private static final TypeReference<LinkedHashMap<String, Answer>> ANSWERS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    WorksheetJson(ObjectMapper json) {
        // what a later version stores must not break reading it back
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    TemplateDefinition definition(JSONB stored) {
        return read(stored, TemplateDefinition.class);
    }

    Map<String, Answer> answers(JSONB stored) {
        try {
            return stored == null ? new LinkedHashMap<>() : json.readValue(stored.data(), ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JSONB jsonb(Object value) {
        try {
            return JSONB.valueOf(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T read(JSONB stored, Class<T> type) {
        try {
            return json.readValue(stored.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A classpath resource read as a value (the starter templates). */
    <T> T read(java.io.InputStream in, TypeReference<T> type) throws java.io.IOException {
        return json.readValue(in, type);
    }
}
