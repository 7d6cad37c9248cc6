package dev.ltb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is the domain: it must run the same under the CLI and in Lambda, so it knows no runtime. */
class ArchitectureTest {

  private final JavaClasses core =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ltb");

  @Test
  void coreImportsNoCloudFrameworkOrPluginRuntime() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "software.amazon..", "com.amazonaws..", "io.quarkus..", "software.constructs..", "com.dylibso.chicory..",
            "org.extism..", "picocli..", "java.sql..")
        .because("shared/core is the domain; AWS, Quarkus, CDK, Chicory, the CLI and SQLite live in adapters")
        .check(core);
  }

  @Test
  void wireFormatsStayInsideTheirProvider() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.ltb.provider..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ltb.provider..internal..")
        .because("vendor DTOs never leak out of their provider (STYLE.md rule 6)")
        .check(core);
  }
}
