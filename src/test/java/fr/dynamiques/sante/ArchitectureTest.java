package fr.dynamiques.sante;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.scheme.SchemeWriter;

/**
 * The direction of the packages (README, "Architecture"): features depend on the ones below them and never back, so no
 * cycle of any length; and every scheme write goes through {@code registry.SchemeWrites}.
 */
@AnalyzeClasses(packages = "fr.dynamiques.sante", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("unit")
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching("fr.dynamiques.sante.(*)..").should().beFreeOfCycles();

    /** Writing schemes onto entities, and recording it in the trail, is the write service's: nobody writes around it. */
    @ArchTest
    static final ArchRule schemesAreWrittenAndAuditedByTheWriteServiceOnly = noClasses()
            .that()
            .resideOutsideOfPackages("fr.dynamiques.sante.registry..", "fr.dynamiques.sante.scheme..",
                    "fr.dynamiques.sante.audit..")
            .should()
            .callMethod(Audit.class, "record", long.class, String.class, Caller.class, ObjectNode.class, ObjectNode.class)
            .orShould()
            .callMethod(Audit.class, "record", long.class, String.class, Caller.class, ObjectNode.class, ObjectNode.class,
                    UUID.class)
            .orShould().dependOnClassesThat().areAssignableTo(SchemeWriter.class)
            .because("every scheme write is authorized, validated, written and audited in registry.SchemeWrites");
}
