package dev.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.evident.control.Checks;
import dev.evident.control.ControlCatalog;
import dev.evident.control.MappingException;
import dev.evident.control.MappingsLoader;
import dev.evident.run.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evident mappings validate [DIR]}. */
@Command(name = "mappings", mixinStandardHelpOptions = true, subcommands = MappingsCommand.Validate.class,
		description = "Work with the control and framework mappings (data under mappings/).")
public class MappingsCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/** Validates the built-in mappings and, optionally, a folder of custom ones. */
	@Command(name = "validate", mixinStandardHelpOptions = true,
			description = { "Validates every mapping file: YAML syntax, known checks, control ids that exist, "
					+ "unique ids, responsibility values and threshold types. Exit code 0 when valid, 2 with "
					+ "the file, line and field of the first problem otherwise.", "" })
	static class Validate implements Callable<Integer> {

		@Parameters(arity = "0..1", paramLabel = "DIR",
				description = "A folder with controls/ and/or frameworks/ to validate with the built-in mappings.")
		Path dir;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			if (dir != null && !Files.isDirectory(dir)) {
				return Failures.usage(err, dir + " is not a folder");
			}
			try {
				ControlCatalog catalog = new MappingsLoader(Checks.forValidation().byId()).load(dir, List.of());
				int requirements = catalog.frameworks().stream().mapToInt(f -> f.requirements().size()).sum();
				out.printf("Mappings are valid: %d controls, %d frameworks, %d requirements%s.%n",
						catalog.controls().size(), catalog.frameworks().size(), requirements,
						dir == null ? "" : " (built-in and " + dir + ")");
				out.flush();
				return ExitCode.COMPLETE;
			}
			catch (MappingException ex) {
				err.println("evident: invalid mapping: " + ex.getMessage());
				err.flush();
				return ExitCode.USAGE;
			}
		}

	}

}
