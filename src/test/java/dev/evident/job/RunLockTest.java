package dev.evident.job;

import java.time.Duration;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.evident.evidence.SqlDialect;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two processes on one shared store: the second fails fast, and takes over only from a
 * dead holder.
 */
class RunLockTest {

	JdbcTemplate jdbc = store();

	/**
	 * Two processes sharing a server database (the PostgreSQL rules; the SQL is the same
	 * on H2).
	 */
	RunLock first = new RunLock(jdbc, SqlDialect.POSTGRESQL, Duration.ofSeconds(4));

	RunLock second = new RunLock(jdbc, SqlDialect.POSTGRESQL, Duration.ofSeconds(4));

	@Test
	void aSecondProcessFailsFastWhileTheFirstIsAlive() {
		try (RunLock.Held held = first.acquire("2026-Q3|aws|||us-east-1")) {
			assertThatThrownBy(() -> second.acquire("2026-Q3|aws|||us-east-1"))
				.isInstanceOf(RunLock.RunInProgressException.class)
				.hasMessageStartingWith("another run of the same period and scope is in progress (");
			try (RunLock.Held other = second.acquire("2026-Q2|aws|||us-east-1")) {
				assertThat(other).as("another period runs safely beside it").isNotNull();
			}
		}
		try (RunLock.Held afterwards = second.acquire("2026-Q3|aws|||us-east-1")) {
			assertThat(afterwards).isNotNull();
		}
	}

	@Test
	void aLockWhoseHeartbeatStoppedIsTakenOver() {
		first.acquire("2026-Q3|demo|||");
		jdbc.update("UPDATE ev_run_lock SET heartbeat_at = heartbeat_at - INTERVAL '1' MINUTE");

		try (RunLock.Held taken = second.acquire("2026-Q3|demo|||")) {
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ev_run_lock", Integer.class)).isEqualTo(1);
		}
	}

	@Test
	void onAnH2FileTheLockOfADeadProcessIsTakenOverAtOnce() {
		new RunLock(jdbc, SqlDialect.H2, Duration.ofMinutes(2)).acquire("2026-Q3|demo|||");

		try (RunLock.Held taken = new RunLock(jdbc, SqlDialect.H2, Duration.ofMinutes(2)).acquire("2026-Q3|demo|||")) {
			assertThat(taken).isNotNull();
		}
	}

	private static JdbcTemplate store() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(ds).load().migrate();
		return new JdbcTemplate(ds);
	}

}
