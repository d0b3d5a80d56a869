package dev.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.evident.control.Checks;
import dev.evident.control.Control;
import dev.evident.control.ControlCatalog;
import dev.evident.control.MappingException;
import dev.evident.control.MappingsLoader;
import dev.evident.run.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evident controls [--framework X]}: the catalog with each control's
 * responsibility.
 */
@Command(name = "controls", mixinStandardHelpOptions = true,
		description = { "Prints the control catalog: each control's id, who is responsible for it under the "
				+ "shared responsibility model (AWS, CUSTOMER, SHARED), its check and the framework requirements "
				+ "it supports.", "" })
public class ControlsCommand implements Callable<Integer> {

	@Option(names = "--framework", paramLabel = "ID", description = "Only the controls that support this framework.")
	String framework;

	@Option(names = "--mappings", paramLabel = "DIR", description = "Include custom mappings from this folder.")
	Path mappings;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		ControlCatalog catalog;
		try {
			catalog = new MappingsLoader(Checks.forValidation().byId()).load(mappings, List.of());
			if (framework != null) {
				catalog = catalog.selecting(List.of(framework));
			}
		}
		catch (MappingException ex) {
			return Failures.usage(spec.commandLine().getErr(), "invalid mapping: " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			return Failures.usage(spec.commandLine().getErr(), ex.getMessage().replace("--frameworks", "--framework"));
		}
		Map<String, List<String>> requirements = catalog.requirementsByControl();
		out.printf("%-30s %-14s %-32s %s%n", "CONTROL", "RESPONSIBILITY", "CHECK", "TITLE / REQUIREMENTS");
		for (Control c : catalog.controls()) {
			List<String> supported = requirements.getOrDefault(c.id(), List.of());
			if (framework != null && supported.isEmpty()) {
				continue;
			}
			out.printf("%-30s %-14s %-32s %s%n", c.id(), c.responsibility(), c.check().id(), c.title());
			if (!supported.isEmpty()) {
				out.printf("%-78s %s%n", "", String.join(" ", supported));
			}
		}
		catalog.frameworks()
			.forEach(f -> out.printf("%nFramework %s: %s, %d requirements, %d without an automated control (MANUAL)%n",
					f.id(), f.name(), f.requirements().size(),
					f.requirements().stream().filter(r -> r.controls().isEmpty()).count()));
		out.flush();
		return ExitCode.COMPLETE;
	}

}
