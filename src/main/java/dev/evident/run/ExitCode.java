package dev.evident.run;

/** Process exit codes a scheduler can act on. */
public final class ExitCode {

	/** The package is complete. */
	public static final int COMPLETE = 0;

	/** The job failed; restart it with the same command. */
	public static final int FAILED = 1;

	/** Usage or configuration error; nothing was collected. */
	public static final int USAGE = 2;

	/**
	 * The package was written, but some evidence could not be collected (see the gaps).
	 */
	public static final int GAPS = 3;

	private ExitCode() {
	}

}
