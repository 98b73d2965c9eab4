package org.praxis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shape of the code: thin views over services, and features that do not depend in circles. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.praxis");
    }

    @Test
    void views_never_touch_the_database_directly() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.praxis.jooq..")
                .because("views call services, which return records")
                .check(classes);
    }

    @Test
    void feature_packages_are_free_of_cycles() {
        slices().matching("org.praxis.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void base_depends_on_no_feature() {
        noClasses().that().resideInAPackage("org.praxis.base..")
                .should().dependOnClassesThat().resideInAnyPackage("org.praxis.member..", "org.praxis.cohort..",
                        "org.praxis.organization..", "org.praxis.demo..")
                .check(classes);
    }

    @Test
    void services_do_not_depend_on_views() {
        noClasses().that().resideOutsideOfPackage("org.praxis..ui..")
                .should().dependOnClassesThat().resideInAPackage("org.praxis..ui..")
                .because("only the security configuration may name the login view")
                .allowEmptyShould(true)
                .check(classes.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("SecurityConfiguration"))));
    }

    @Test
    void only_the_demo_acts_as_someone_else_or_installs_accounts() {
        noClasses().that().resideOutsideOfPackages("org.praxis.demo..", "org.praxis.base.security..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.praxis.base.security.SystemActor")
                .because("running code as another account is for seeding at start-up only")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.praxis.demo..", "org.praxis.member..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("install")))
                .because("accounts made with no one signed in are for seeding at start-up only")
                .check(classes);
    }
}
