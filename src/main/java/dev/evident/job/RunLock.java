package dev.evident.job;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.evident.run.EvidentProperties;
import dev.evident.evidence.SqlDialect;
import dev.evident.evidence.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps two processes from working on the same run scope at once. The holder refreshes a
 * heartbeat; another process fails fast with a clear message while the heartbeat is
 * fresh, and takes the lock over once it has gone stale (its holder died). An H2 file
 * database is exclusive to one process anyway, so there a lock left behind by a crash is
 * taken over at once.
 */
@Component
public class RunLock {

	private final JdbcTemplate jdbc;

	private final SqlDialect dialect;

	private final Duration staleAfter;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	@Autowired
	public RunLock(JdbcTemplate jdbc, SqlDialect dialect, EvidentProperties settings) {
		this(jdbc, dialect, settings.lock().staleAfter());
	}

	public RunLock(JdbcTemplate jdbc, SqlDialect dialect, Duration staleAfter) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.staleAfter = staleAfter;
	}

	/** Takes the lock of a scope, or throws {@link RunInProgressException}. */
	public Held acquire(String scopeKey) {
		Instant now = Instant.now();
		try {
			jdbc.update("INSERT INTO ev_run_lock (scope_key, owner, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?)",
					scopeKey, owner, Timestamps.utc(now), Timestamps.utc(now));
		}
		catch (DuplicateKeyException ex) {
			// H2 files are exclusive to one process: a lock found there was left by a
			// process that died.
			Instant takeOverBefore = dialect == SqlDialect.H2 ? now.plusSeconds(1) : now.minus(staleAfter);
			int taken = jdbc.update(
					"UPDATE ev_run_lock SET owner = ?, acquired_at = ?, heartbeat_at = ? "
							+ "WHERE scope_key = ? AND heartbeat_at < ?",
					owner, Timestamps.utc(now), Timestamps.utc(now), scopeKey, Timestamps.utc(takeOverBefore));
			if (taken == 0) {
				var holder = jdbc.queryForMap("SELECT owner, acquired_at FROM ev_run_lock WHERE scope_key = ?",
						scopeKey);
				throw new RunInProgressException("another run of the same period and scope is in progress ("
						+ holder.get("owner") + ", since " + holder.get("acquired_at")
						+ "); wait for it to finish, or run again when it has stopped");
			}
		}
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "evident-run-lock");
			t.setDaemon(true);
			return t;
		});
		long period = Math.max(1, staleAfter.toSeconds() / 4);
		heartbeat.scheduleAtFixedRate(
				() -> jdbc.update("UPDATE ev_run_lock SET heartbeat_at = ? WHERE scope_key = ? AND owner = ?",
						Timestamps.utc(Instant.now()), scopeKey, owner),
				period, period, TimeUnit.SECONDS);
		return new Held(scopeKey, heartbeat);
	}

	/** A lock this process holds; closing it releases it. */
	public final class Held implements AutoCloseable {

		private final String scopeKey;

		private final ScheduledExecutorService heartbeat;

		Held(String scopeKey, ScheduledExecutorService heartbeat) {
			this.scopeKey = scopeKey;
			this.heartbeat = heartbeat;
		}

		@Override
		public void close() {
			heartbeat.shutdownNow();
			jdbc.update("DELETE FROM ev_run_lock WHERE scope_key = ? AND owner = ?", scopeKey, owner);
		}

	}

	/** The same run scope is being worked on by another process. */
	public static class RunInProgressException extends RuntimeException {

		public RunInProgressException(String message) {
			super(message);
		}

	}

}
