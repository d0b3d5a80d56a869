package dev.evident;

import dev.evident.cli.EvidentCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import picocli.CommandLine;

/**
 * Evident's entry point. The command line is parsed first, so that {@code --help} and
 * usage errors answer at once; Spring Boot and the batch job start only for a run.
 */
@SpringBootApplication
public class EvidentApplication {

	public static void main(String[] args) {
		System.exit(execute(args));
	}

	public static int execute(String... args) {
		return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
	}

	public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
		CommandLine cli = new CommandLine(new EvidentCommand(EvidentApplication.class));
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println("evident: failed: " + ex.getMessage());
			return dev.evident.run.ExitCode.FAILED;
		});
		cli.setParameterExceptionHandler((ex, args1) -> {
			CommandLine c = ex.getCommandLine();
			c.getErr().println("evident: " + ex.getMessage());
			c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
			return dev.evident.run.ExitCode.USAGE;
		});
		return cli.execute(args);
	}

}
