package dev.evident.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The same files always zip to the same bytes: sorted entries, one fixed time. */
class DeterministicZipTest {

	@TempDir
	Path dir;

	@Test
	void theSameFilesGiveTheSameBytesWhateverTheirTimesAndOrder() throws Exception {
		Path folder = dir.resolve("run");
		Files.createDirectories(folder.resolve("raw/b"));
		Files.writeString(folder.resolve("raw/b/z.json"), "{}");
		Files.writeString(folder.resolve("results.json"), "{\"a\": 1}");
		Files.writeString(folder.resolve("SHA256SUMS"), "sums");
		DeterministicZip.zip(folder, "run-1", dir.resolve("first.zip"));
		Files.setLastModifiedTime(folder.resolve("results.json"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

		DeterministicZip.zip(folder, "run-1", dir.resolve("second.zip"));

		assertThat(Files.readAllBytes(dir.resolve("second.zip")))
			.isEqualTo(Files.readAllBytes(dir.resolve("first.zip")));
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dir.resolve("first.zip")))) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				names.add(e.getName());
				assertThat(e.getLastModifiedTime()).isEqualTo(DeterministicZip.ENTRY_TIME);
			}
		}
		assertThat(names).containsExactly("run-1/SHA256SUMS", "run-1/raw/b/z.json", "run-1/results.json");
	}

}
