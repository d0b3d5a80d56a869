package dev.evident.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./evident} as a platform team runs it, on the jar that {@code package} built:
 * the first start records the class cache with a training run that reads none of the
 * user's settings and writes no evidence anywhere.
 */
class LauncherIT {

	static final Path APP = Path.of("target", "evident");

	@Test
	void theClassCacheIsRecordedWithoutTouchingTheTeamsStore(@TempDir Path tmp) throws Exception {
		// given: no class cache yet, a team's store exported as docs/postgresql.md says,
		// and
		// a working folder whose application.properties names another store
		deleteClassCaches();
		Path team = tmp.resolve("team-store");
		Path work = Files.createDirectories(tmp.resolve("work"));
		Files.writeString(work.resolve("application.properties"),
				"spring.datasource.url=jdbc:h2:file:" + tmp.resolve("cwd-store").toAbsolutePath() + "\n");

		// when: the first start
		Result first = evident(work, tmp, "jdbc:h2:file:" + team.toAbsolutePath(), "--version");

		// then: the version, and a cache recorded for this JDK
		assertThat(first.code()).as(first.err()).isZero();
		assertThat(first.out()).startsWith("evident ");
		assertThat(first.err()).contains("class cache");
		assertThat(classCaches()).as(first.err()).hasSize(1);
		// and no store was created or written, neither the team's nor the folder's nor
		// ./data
		try (Stream<Path> files = Files.walk(tmp)) {
			assertThat(files.map(p -> tmp.relativize(p).toString()))
				.noneMatch(p -> p.startsWith("team-store") || p.startsWith("cwd-store") || p.contains("data"));
		}

		// when: the next start, then: no training again
		Result second = evident(work, tmp, "jdbc:h2:file:" + team.toAbsolutePath(), "--version");
		assertThat(second.code()).isZero();
		assertThat(second.err()).doesNotContain("recording");
	}

	record Result(int code, String out, String err) {
	}

	private static Result evident(Path workDir, Path tmp, String datasource, String... args) throws Exception {
		Path launcher = Path.of("evident").toAbsolutePath();
		List<String> command = Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList();
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		builder.environment().put("EVIDENT_NO_BUILD", "1");
		builder.environment().put("SPRING_DATASOURCE_URL", datasource);
		builder.environment().put("EVIDENT_DATA_DIR", tmp.resolve("data").toAbsolutePath().toString());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Path out = tmp.resolve("stdout");
		Path err = tmp.resolve("stderr");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
		Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return result;
	}

	private static List<Path> classCaches() throws IOException {
		if (!Files.isDirectory(APP)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(APP)) {
			return files.filter(p -> p.getFileName().toString().matches("evident-.+\\.(jsa|aot)")).toList();
		}
	}

	private static void deleteClassCaches() throws IOException {
		if (!Files.isDirectory(APP)) {
			return;
		}
		try (Stream<Path> files = Files.list(APP)) {
			for (Path p : files.filter(p -> p.getFileName().toString().startsWith("evident-")).toList()) {
				Files.delete(p);
			}
		}
	}

}
