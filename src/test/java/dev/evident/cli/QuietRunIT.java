package dev.evident.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.evident.EvidentApplication;
import dev.evident.run.ExitCode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole demo run through the command line warns about nothing but its one evidence gap:
 * a framework's warning on every run would sit above the progress line on a terminal and
 * teach users to ignore warnings.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietRunIT {

	@Test
	void aDemoRunLogsNoWarning(@TempDir Path tmp, CapturedOutput output) {
		System.setProperty("spring.datasource.url", "jdbc:h2:mem:quiet-run;DB_CLOSE_DELAY=-1");
		try {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int code = EvidentApplication.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
					"--out", tmp.resolve("out").toString());

			assertThat(code).as(err.toString()).isEqualTo(ExitCode.GAPS);
			assertThat(output.getAll()).as("the run's log").contains("step=collectFindings");
			assertThat(output.getAll()).doesNotContain("is an interface");
			assertThat(output.getAll().lines().filter(line -> line.matches("(?i).*\\bWARN(ING)?\\b.*")))
				.as("warnings other than the demo's one evidence gap")
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains("evident.evidence.Gaps")
				.contains("Evidence gap: account=777777777777");
		}
		finally {
			System.clearProperty("spring.datasource.url");
		}
	}

}
