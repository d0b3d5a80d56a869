package dev.evident.run;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run: the step, accounts done out of total, and findings fetched. On a
 * terminal it repaints one status line on standard error; elsewhere it logs one line per
 * step, so container logs stay quiet and structured.
 */
public class Progress {

	private static final Logger log = LoggerFactory.getLogger(Progress.class);

	private final boolean interactive;

	private final PrintStream terminal;

	private volatile String step = "starting";

	private final AtomicInteger accountsTotal = new AtomicInteger();

	private final AtomicInteger accountsDone = new AtomicInteger();

	private final AtomicLong findings = new AtomicLong();

	private volatile long lastPaint;

	public Progress(boolean interactive, PrintStream terminal) {
		this.interactive = interactive;
		this.terminal = terminal;
	}

	public static Progress forConsole() {
		return new Progress(System.console() != null, System.err);
	}

	public void step(String name) {
		this.step = name;
		if (interactive) {
			paint(true);
		}
		else {
			log.info("step={} accountsDone={} accountsTotal={} findings={}", name, accountsDone.get(),
					accountsTotal.get(), findings.get());
		}
	}

	public void accountsTotal(int total) {
		accountsTotal.set(total);
		accountsDone.set(0);
	}

	/** Counts the accounts done from zero again, for the next step over the accounts. */
	public void accountsRestart() {
		accountsDone.set(0);
	}

	public void accountDone() {
		accountsDone.incrementAndGet();
		paint(false);
	}

	public void findingsFetched(int count) {
		findings.addAndGet(count);
		paint(false);
	}

	/** On a terminal, prints a gap above the status line as it happens. */
	public synchronized void gap(String accountId, String source, String errorCode) {
		if (interactive) {
			terminal.printf("\r\033[K  evidence gap: account %s, %s: %s%n", accountId, source, errorCode);
			paint(true);
		}
	}

	public void finish() {
		if (interactive) {
			paint(true);
			terminal.println();
		}
	}

	private synchronized void paint(boolean force) {
		if (!interactive) {
			return;
		}
		long now = System.nanoTime();
		if (!force && now - lastPaint < 200_000_000L) {
			return;
		}
		lastPaint = now;
		terminal.printf("\r\033[K%-24s accounts %d/%d  findings %,d", step, accountsDone.get(), accountsTotal.get(),
				findings.get());
		terminal.flush();
	}

}
