package dev.evident.manual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder given with {@code --manual-evidence}: one subfolder per control id, holding
 * the files that evidence it. Checked before a run starts, so that a typo or an
 * unreadable file is a usage error and not a package with a silent hole.
 */
public final class ManualEvidenceFolder {

	private ManualEvidenceFolder() {
	}

	/**
	 * One file: the control it evidences, its path inside the package, and where it is
	 * now.
	 */
	public record Item(String controlId, String packagePath, Path source) {
	}

	/**
	 * The control ids of the catalog in force, which the folder's subfolders must name.
	 */
	@FunctionalInterface
	public interface ControlIds {

		boolean exists(String controlId);

	}

	/**
	 * Every file, in a fixed order; fails with a one-line message on anything unusable.
	 */
	public static List<Item> scan(Path dir, ControlIds known) {
		List<Item> items = new ArrayList<>();
		try (Stream<Path> controls = Files.list(dir)) {
			for (Path folder : controls.sorted().toList()) {
				String controlId = folder.getFileName().toString();
				if (controlId.startsWith(".")) {
					continue;
				}
				if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
					throw new IllegalArgumentException(
							"--manual-evidence: " + folder + " is not a folder; expected one folder per control id");
				}
				if (!known.exists(controlId)) {
					throw new IllegalArgumentException("--manual-evidence: folder '" + controlId
							+ "' matches no control id (see 'evident controls')");
				}
				try (Stream<Path> files = Files.walk(folder)) {
					for (Path file : files.filter(f -> !Files.isDirectory(f)).sorted().toList()) {
						if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
							throw new IllegalArgumentException(
									"--manual-evidence: " + file + " is not a readable regular file");
						}
						String relative = folder.relativize(file).toString().replace('\\', '/');
						items.add(new Item(controlId, "manual/" + controlId + "/" + relative, file));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("--manual-evidence " + dir + " cannot be read: " + ex.getMessage(), ex);
		}
		return items;
	}

}
