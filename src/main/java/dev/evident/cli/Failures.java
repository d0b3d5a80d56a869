package dev.evident.cli;

import java.io.PrintWriter;

import dev.evident.control.MappingException;
import dev.evident.run.ExitCode;

/** Turns failures into one line on standard error and an exit code. */
final class Failures {

	private Failures() {
	}

	static int usage(PrintWriter err, String message) {
		err.println("evident: " + message);
		err.println("Try 'evident run --help' for the options.");
		err.flush();
		return ExitCode.USAGE;
	}

	static int report(PrintWriter err, Throwable ex, boolean verbose) {
		if (inUse(ex)) {
			err.println("evident: failed: the evidence store is in use by another evident process; wait for it to "
					+ "finish, or give this run its own store (EVIDENT_DATA_DIR or SPRING_DATASOURCE_URL)");
			err.flush();
			return ExitCode.FAILED;
		}
		MappingException mapping = find(ex, MappingException.class);
		if (mapping != null) {
			err.println("evident: invalid mapping: " + mapping.getMessage());
			err.flush();
			return ExitCode.USAGE;
		}
		org.flywaydb.core.api.FlywayException schema = find(ex, org.flywaydb.core.api.FlywayException.class);
		if (schema != null) {
			err.println("evident: the evidence store at spring.datasource.url cannot be used: "
					+ schema.getMessage().lines().findFirst().orElse("") + " (" + schema.getClass().getSimpleName()
					+ ")");
			err.flush();
			return ExitCode.USAGE;
		}
		IllegalArgumentException usage = find(ex, IllegalArgumentException.class);
		if (usage != null && usage.getMessage() != null && usage.getMessage().startsWith("--")) {
			return usage(err, usage.getMessage());
		}
		if (usage != null && find(ex, org.springframework.beans.factory.BeanCreationException.class) != null) {
			err.println("evident: configuration error: " + usage.getMessage());
			err.flush();
			return ExitCode.USAGE;
		}
		String root = rootMessage(ex);
		err.println("evident: failed: " + root);
		if (verbose) {
			ex.printStackTrace(err);
		}
		else {
			err.println("Run again with --verbose for details; run the same command again to resume.");
		}
		err.flush();
		return ExitCode.FAILED;
	}

	/** An H2 file store that another process has open. */
	private static boolean inUse(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("Database may be already in use")) {
				return true;
			}
		}
		return false;
	}

	static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String m = root.getMessage();
		return (m == null ? root.getClass().getSimpleName() : m).lines().findFirst().orElse("");
	}

}
