package org.praxis;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.Index;
import org.jooq.Key;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.praxis.base.Owns;
import org.praxis.jooq.DefaultSchema;
import org.praxis.jooq.Indexes;
import org.praxis.jooq.Keys;
import org.praxis.jooq.Tables;
import org.praxis.jooq.tables.records.MemberRecord;

/**
 * One owner per table: every table of the schema is declared by exactly one package's
 * {@link Owns} (on its {@code package-info.java}), and no main class outside that package (and its
 * sub-packages) touches the table's generated jOOQ classes — the table, its record, its path
 * classes, or the fields of {@code Tables}, {@code Keys}, {@code Indexes} and {@code DefaultSchema}
 * that name it. Others go through the owner's service or the conditions and fields it publishes.
 * Tests are not checked: {@code support.TestData} writes rows of many tables to set a scene.
 */
class OwnershipTest {

    private static JavaClasses classes;
    /** Generated jOOQ class (top-level name) or static field ("Keys.MEMBER_PKEY") to the table it names. */
    private static final Map<String, String> GENERATED = new HashMap<>();
    /** Table to owner packages (more than one is a mistake the test reports). */
    private static final Map<String, List<String>> OWNERS = new TreeMap<>();

    @BeforeAll
    static void importClasses() throws ReflectiveOperationException {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.praxis");
        for (Field field : Tables.class.getFields()) {
            Table<?> table = (Table<?>) field.get(null);
            GENERATED.put(table.getClass().getName(), table.getName());
            GENERATED.put(table.getRecordType().getName(), table.getName());
            GENERATED.put(Tables.class.getName() + "." + field.getName(), table.getName());
            OWNERS.put(table.getName(), new ArrayList<>());
        }
        for (Field field : Keys.class.getFields()) {
            GENERATED.put(Keys.class.getName() + "." + field.getName(), ((Key<?>) field.get(null)).getTable().getName());
        }
        for (Field field : Indexes.class.getFields()) {
            GENERATED.put(Indexes.class.getName() + "." + field.getName(), ((Index) field.get(null)).getTable().getName());
        }
        for (Field field : DefaultSchema.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && Table.class.isAssignableFrom(field.getType())) {
                GENERATED.put(DefaultSchema.class.getName() + "." + field.getName(),
                        ((Table<?>) field.get(DefaultSchema.DEFAULT_SCHEMA)).getName());
            }
        }
        for (JavaPackage pkg : classes.getPackage("org.praxis").getSubpackagesInTree()) {
            Owns owns = declaredOwnership(pkg.getName());
            if (owns != null) {
                for (String table : owns.value()) {
                    OWNERS.computeIfAbsent(table, t -> new ArrayList<>()).add(pkg.getName());
                }
            }
        }
    }

    private static Owns declaredOwnership(String pkg) {
        try {
            return Class.forName(pkg + ".package-info").getAnnotation(Owns.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return null;
        }
    }

    @Test
    void every_table_has_exactly_one_owner() {
        Map<String, List<String>> wrong = new TreeMap<>();
        OWNERS.forEach((table, owners) -> {
            if (owners.size() != 1) {
                wrong.put(table, owners);
            }
        });
        assertThat(wrong).as("tables with no owner or more than one (a name in @Owns that is no table is listed too)")
                .isEmpty();
        Set<String> declaredButMissing = new TreeSet<>(OWNERS.keySet());
        declaredButMissing.removeAll(GENERATED.values());
        assertThat(declaredButMissing).as("@Owns names that are no table of the schema").isEmpty();
    }

    @Test
    void no_class_touches_a_table_it_does_not_own() {
        assertThat(trespasses(classes)).as("classes touching tables another package owns (go through the owner's "
                + "service or the conditions and fields it publishes instead)").isEmpty();
    }

    /** A class of no owning package that names a table, its record, a key and an index. */
    static class Trespasser {
        Object touch() {
            MemberRecord record = new MemberRecord();
            return List.of(record, Tables.COHORT.NAME, Keys.SESSION_PKEY, Indexes.POST_THREAD_IDX);
        }
    }

    @Test
    void the_rule_sees_a_table_however_it_is_named() {
        JavaClasses trespasser = new ClassFileImporter().importClasses(Trespasser.class);
        assertThat(trespasses(trespasser))
                .containsEntry("OwnershipTest", Set.of("member", "cohort", "session", "post"));
    }

    /** Each class outside the owner of a table it touches, with those tables; nested classes count as their top-level class. */
    private static Map<String, Set<String>> trespasses(JavaClasses scope) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JavaClass type : scope) {
            if (type.getPackageName().startsWith("org.praxis.jooq")) {
                continue;
            }
            Set<String> touched = new TreeSet<>();
            type.getDirectDependenciesFromSelf().forEach(d -> {
                String table = GENERATED.get(topLevel(d.getTargetClass().getName()));
                if (table != null) {
                    touched.add(table);
                }
            });
            type.getFieldAccessesFromSelf().forEach(a -> {
                String table = GENERATED.get(a.getTargetOwner().getName() + "." + a.getName());
                if (table != null) {
                    touched.add(table);
                }
            });
            for (String table : touched) {
                List<String> owners = OWNERS.getOrDefault(table, List.of());
                boolean owned = owners.stream().anyMatch(o -> type.getPackageName().equals(o)
                        || type.getPackageName().startsWith(o + "."));
                if (!owned) {
                    out.computeIfAbsent(relative(topLevel(type.getName())), k -> new TreeSet<>()).add(table);
                }
            }
        }
        return out;
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static String relative(String className) {
        return className.startsWith("org.praxis.") ? className.substring("org.praxis.".length()) : className;
    }
}
