package dev.evident;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The pipeline, one way, in the imports: each layer imports only the layers below it, in
 * the order the data flows (docs/architecture.md, "Layers").
 */
@AnalyzeClasses(packages = "dev.evident", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** Top to bottom: a layer may import only the layers after it. */
	static final List<Layer> PIPELINE = List.of(new Layer("cli", "dev.evident", "dev.evident.cli.."),
			new Layer("job", "dev.evident.job.."), new Layer("bundle", "dev.evident.bundle.."),
			new Layer("renderers", "dev.evident.report..", "dev.evident.workbook.."),
			new Layer("control", "dev.evident.control.."),
			new Layer("collectors", "dev.evident.organizations..", "dev.evident.iam..", "dev.evident.inspector..",
					"dev.evident.artifact..", "dev.evident.network..", "dev.evident.edge..", "dev.evident.manual.."),
			new Layer("store", "dev.evident.aws..", "dev.evident.evidence.."),
			new Layer("leaf", "dev.evident.run..", "dev.evident.templates.."));

	record Layer(String name, String... packages) {
	}

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("dev.evident.(*)..")
		.should()
		.beFreeOfCycles()
		.because("the pipeline's packages import one way, in the order of the data");

	@ArchTest
	static final ArchRule noCyclesBetweenAnySubpackages = slices().matching("dev.evident.(**)")
		.should()
		.beFreeOfCycles()
		.because("the simulator's packages, too, import one way: its root wires server, services, data and model");

	@ArchTest
	static final ArchRule layersImportOnlyLayersBelow = pipeline();

	@ArchTest
	static final ArchRule theLeafImportsNothingOfOurs = noClasses().that()
		.resideInAnyPackage("dev.evident.run..", "dev.evident.templates..")
		.should()
		.dependOnClassesThat(resideInAPackage("dev.evident..")
			.and(resideOutsideOfPackages("dev.evident.run..", "dev.evident.templates..")))
		.because("progress, templates and run parameters are leaf concerns every stage shares");

	@ArchTest
	static final ArchRule onlyCollectorsUseTheAwsSdk = noClasses().that()
		.resideOutsideOfPackages("dev.evident.aws..", "dev.evident.organizations..", "dev.evident.iam..",
				"dev.evident.inspector..", "dev.evident.artifact..", "dev.evident.network..", "dev.evident.edge..")
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
		.resideInAnyPackage("dev.evident.aws..", "dev.evident.simulator..", "software.amazon.awssdk..")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Collector")
		.because("checks and renderers read what the collectors stored (their *Store classes), never AWS");

	@ArchTest
	static final ArchRule theSimulatorImportsNothingOfTheTool = noClasses().that()
		.resideInAPackage("dev.evident.simulator..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("dev.evident.simulator..", "java..", "javax..", "com.fasterxml.jackson..",
				"com.sun.net.httpserver..", "org.apache.pdfbox..", "org.slf4j..");

	@ArchTest
	static final ArchRule onlyTheCommandLineImportsTheSimulator = noClasses().that()
		.resideOutsideOfPackages("dev.evident.simulator..", "dev.evident.cli..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.evident.simulator..")
		.because("the simulator is a stand-in for AWS that only 'evident demo' and 'evident simulator' start");

	private static ArchRule pipeline() {
		LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
		for (Layer layer : PIPELINE) {
			layers = layers.layer(layer.name()).definedBy(layer.packages());
		}
		layers = layers.layer("simulator").definedBy("dev.evident.simulator..");
		for (int i = 0; i < PIPELINE.size(); i++) {
			String[] above = PIPELINE.subList(0, i).stream().map(Layer::name).toArray(String[]::new);
			layers = (i == 0) ? layers.whereLayer(PIPELINE.get(i).name()).mayNotBeAccessedByAnyLayer()
					: layers.whereLayer(PIPELINE.get(i).name()).mayOnlyBeAccessedByLayers(above);
		}
		return layers.whereLayer("simulator")
			.mayOnlyBeAccessedByLayers("cli")
			.because("the layers are, from the top: " + Arrays.toString(PIPELINE.stream().map(Layer::name).toArray()));
	}

}
