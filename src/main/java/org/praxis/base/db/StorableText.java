package org.praxis.base.db;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.tools.jdbc.DefaultPreparedStatement;
import org.praxis.base.Validation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The safety net under the forms' own check ({@link Validation}): a character PostgreSQL refuses
 * in text (NUL) or cannot encode (half a surrogate pair) is dropped from every string bound to a
 * statement, and from every string written as JSON for a jsonb column (where NUL travels as the
 * escape {@code \u0000}, which PostgreSQL refuses as well). So a save nobody checked first — a
 * draft kept while typing, a search, a token from an address — stores the visible text instead
 * of failing.
 */
@Configuration(proxyBeanMethods = false)
class StorableText {

    @Bean
    ExecuteListenerProvider storableTextBinds() {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void prepareEnd(ExecuteContext ctx) {
                PreparedStatement statement = ctx.statement();
                if (statement != null && !(statement instanceof StorableBinds)) {
                    ctx.statement(new StorableBinds(statement));
                }
            }
        });
    }

    /** Registered with Spring Boot's ObjectMapper, which the services use for their jsonb columns. */
    @Bean
    Module storableJson() {
        return new SimpleModule("praxis-storable-text").addSerializer(String.class, new StdSerializer<>(String.class) {
            @Override
            public void serialize(String value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(Validation.storable(value));
            }
        });
    }

    /** Hands every string to the driver without the characters PostgreSQL cannot store. */
    static final class StorableBinds extends DefaultPreparedStatement {

        StorableBinds(PreparedStatement delegate) {
            super(delegate);
        }

        private static Object storable(Object value) {
            return value instanceof String text ? Validation.storable(text) : value;
        }

        @Override
        public void setString(int index, String value) throws SQLException {
            super.setString(index, Validation.storable(value));
        }

        @Override
        public void setNString(int index, String value) throws SQLException {
            super.setNString(index, Validation.storable(value));
        }

        @Override
        public void setObject(int index, Object value) throws SQLException {
            super.setObject(index, storable(value));
        }

        @Override
        public void setObject(int index, Object value, int targetSqlType) throws SQLException {
            super.setObject(index, storable(value), targetSqlType);
        }

        @Override
        public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
            super.setObject(index, storable(value), targetSqlType, scaleOrLength);
        }
    }
}
