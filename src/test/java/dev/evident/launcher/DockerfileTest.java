package dev.evident.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image is built and run on one JDK, the release the code is compiled for, and starts
 * from the class cache its build recorded. (No Docker daemon here: the file is read as a
 * team reviewing it would.)
 */
class DockerfileTest {

	@Test
	void theImageIsBuiltAndRunOnTheJdkTheCodeIsCompiledFor() throws Exception {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		List<String> stages = Pattern.compile("(?m)^FROM (\\S+)")
			.matcher(dockerfile)
			.results()
			.map(m -> m.group(1))
			.toList();
		String release = release();

		assertThat(stages).containsExactly("eclipse-temurin:" + release + "-jdk",
				"eclipse-temurin:" + release + "-jre");
	}

	@Test
	void theImageStartsFromTheClassCacheItsBuildRecorded() throws Exception {
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		Matcher recorded = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)").matcher(dockerfile);
		Matcher used = Pattern.compile("(?m)^ENTRYPOINT .*\"-XX:SharedArchiveFile=([^\"]+)\"").matcher(dockerfile);

		assertThat(recorded.find()).as("a training run records a CDS archive").isTrue();
		assertThat(used.find()).as("the entry point uses a CDS archive").isTrue();
		assertThat(used.group(1)).isEqualTo(recorded.group(1));
		assertThat(dockerfile).contains("test -s " + recorded.group(1));
	}

	private static String release() throws Exception {
		Matcher m = Pattern.compile("<java.version>(\\d+)</java.version>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

}
