package dev.evident;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Collect once, evaluate many: only collectors talk to AWS. */
@AnalyzeClasses(packages = "dev.evident", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule onlyCollectorsUseTheAwsSdk = noClasses().that()
		.resideOutsideOfPackages("dev.evident.aws..", "dev.evident.organizations..", "dev.evident.iam..",
				"dev.evident.inspector..", "dev.evident.artifact..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("software.amazon.awssdk..")
		.because("checks, renderers and the bundle read the evidence store, never AWS");

	@ArchTest
	static final ArchRule checksAndRenderersReadOnlyTheStore = noClasses().that()
		.resideInAnyPackage("dev.evident.control..", "dev.evident.report..", "dev.evident.workbook..",
				"dev.evident.bundle..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.evident.aws..", "dev.evident.simulator..")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Collector");

	@ArchTest
	static final ArchRule theSimulatorIsIndependentOfTheTool = noClasses().that()
		.resideInAPackage("dev.evident.simulator..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("dev.evident.simulator..", "java..", "javax..", "com.fasterxml.jackson..",
				"com.sun.net.httpserver..", "org.apache.pdfbox..", "org.slf4j..");

}
