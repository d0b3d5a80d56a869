package dev.evident.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a folder with entries sorted by path and one fixed entry time, so that the same
 * files always give the same bytes.
 */
final class DeterministicZip {

	static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

	private DeterministicZip() {
	}

	static void zip(Path folder, String rootName, Path target) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile)
				.sorted((a, b) -> folder.relativize(a)
					.toString()
					.replace('\\', '/')
					.compareTo(folder.relativize(b).toString().replace('\\', '/')))
				.toList();
		}
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Path file : files) {
				ZipEntry entry = new ZipEntry(rootName + "/" + folder.relativize(file).toString().replace('\\', '/'));
				entry.setLastModifiedTime(ENTRY_TIME);
				entry.setCreationTime(ENTRY_TIME);
				entry.setLastAccessTime(ENTRY_TIME);
				entry.setTime(ENTRY_TIME.toMillis());
				zip.putNextEntry(entry);
				Files.copy(file, zip);
				zip.closeEntry();
			}
		}
		Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
