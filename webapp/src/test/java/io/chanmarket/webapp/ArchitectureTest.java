package io.chanmarket.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The module rules of the architecture, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.chanmarket");

    @Test
    void catalogCoreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.chanmarket.core..").should().dependOnClassesThat()
                .resideInAnyPackage("io.chanmarket.parsers..", "io.chanmarket.webapp..", "io.chanmarket.admin..",
                        "io.chanmarket.bot..")
                .check(CLASSES);
    }

    @Test
    void theDomainHasNoWebImports() {
        noClasses().that().resideInAPackage("io.chanmarket.core..").should().dependOnClassesThat()
                .resideInAnyPackage("io.micronaut.http..", "io.micronaut.views..", "io.micronaut.web..").check(CLASSES);
    }

    @Test
    void parsersDependOnlyOnCatalogCore() {
        noClasses().that().resideInAPackage("io.chanmarket.parsers..").should().dependOnClassesThat()
                .resideInAnyPackage("io.chanmarket.webapp..", "io.chanmarket.admin..", "io.chanmarket.bot..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void adminDoesNotDependOnWebappOrBot() {
        noClasses().that().resideInAPackage("io.chanmarket.admin..").should().dependOnClassesThat()
                .resideInAnyPackage("io.chanmarket.webapp..", "io.chanmarket.bot..").allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void botDependsOnlyOnCatalogCore() {
        noClasses().that().resideInAPackage("io.chanmarket.bot..").should().dependOnClassesThat()
                .resideInAnyPackage("io.chanmarket.webapp..", "io.chanmarket.admin..", "io.chanmarket.parsers..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").and()
                .areNotAnnotatedWith("io.micronaut.context.annotation.Generated").should(stayInsideTheirPackage())
                .allowEmptyShould(true).check(CLASSES);
    }

    /**
     * Other modules reach the parsers through their door ({@code io.chanmarket.parsers.Parsers}) and read the records
     * and enums it hands out; no service, repository, settings or parser class of the module is used outside it.
     */
    @Test
    void otherModulesUseTheParsersOnlyThroughTheirDoor() {
        noClasses().that().resideOutsideOfPackage("io.chanmarket.parsers..").should().dependOnClassesThat(
                new DescribedPredicate<JavaClass>("are parser internals (neither the door nor a record or an enum)") {
                    @Override
                    public boolean test(JavaClass target) {
                        return target.getPackageName().startsWith("io.chanmarket.parsers.") && !target.isRecord()
                                && !target.isEnum() && !isNestedInRecordOrEnum(target);
                    }
                }).check(CLASSES);
    }

    private static boolean isNestedInRecordOrEnum(JavaClass target) {
        return target.getEnclosingClass().map(outer -> outer.isRecord() || outer.isEnum()).orElse(false);
    }

    /** Feature packages do not depend on each other in a circle, in any module. */
    @Test
    void noCyclesBetweenFeaturePackages() {
        for (String module : new String[] { "core", "parsers", "admin", "bot", "webapp" }) {
            SlicesRuleDefinition.slices().matching("io.chanmarket." + module + ".(*)..").should().beFreeOfCycles()
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    /** The catalog's feature packages are split: users, events, favorites, links and analytics stand beside it. */
    @Test
    void catalogHoldsOnlyCatalogFeatures() {
        noClasses().should()
                .resideInAnyPackage("io.chanmarket.core.catalog.users..", "io.chanmarket.core.catalog.events..",
                        "io.chanmarket.core.catalog.favorites..", "io.chanmarket.core.catalog.links..",
                        "io.chanmarket.core.catalog.analytics..")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> stayInsideTheirPackage() {
        return new ArchCondition<>("be neither public nor used outside their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                if (repository.getModifiers().contains(JavaModifier.PUBLIC)) {
                    events.add(SimpleConditionEvent.violated(repository, repository.getName() + " is public"));
                }
                repository.getAccessesToSelf().stream()
                        .filter(access -> !access.getOriginOwner().getPackageName().equals(repository.getPackageName()))
                        .forEach(access -> events.add(SimpleConditionEvent.violated(repository,
                                access.getOriginOwner().getName() + " uses " + repository.getName())));
            }
        };
    }
}
