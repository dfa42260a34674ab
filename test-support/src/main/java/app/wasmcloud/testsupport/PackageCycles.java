package app.wasmcloud.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rule every service keeps: its feature packages depend on each other in one direction only. */
public final class PackageCycles {

    private PackageCycles() {}

    /**
     * Fails with ArchUnit's description of every cycle among the packages directly under {@code rootPackage} (each
     * with its subpackages), in the production classes only.
     */
    public static void assertNone(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
