package dev.evident.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The mapping files of one kind (controls, frameworks): built in, then from a user's
 * folder.
 */
final class MappingFiles {

	private MappingFiles() {
	}

	/**
	 * One file: its name for messages (a path), its text, and whether it ships with
	 * Evident.
	 */
	record MappingFile(String name, String text, boolean builtIn) {
	}

	static List<MappingFile> builtIn(String kind) {
		List<MappingFile> files = new ArrayList<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:mappings/" + kind + "/**/*.yaml")) {
				String url = r.getURL().toString();
				String name = url.substring(url.lastIndexOf("mappings/" + kind + "/"));
				// The same file can be on the class path twice (classes and a jar of
				// them): read it once.
				if (files.stream().noneMatch(f -> f.name().equals(name))) {
					files.add(new MappingFile(name,
							new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8), true));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the built-in mappings", ex);
		}
		files.sort(Comparator.comparing(MappingFile::name));
		return files;
	}

	/**
	 * The files under {@code dir/kind}, or none when the folder has no such subfolder.
	 */
	static List<MappingFile> in(Path dir, String kind) {
		if (dir == null) {
			return List.of();
		}
		Path folder = dir.resolve(kind);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			List<MappingFile> files = new ArrayList<>();
			for (Path p : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				files.add(new MappingFile(p.toString(), Files.readString(p), false));
			}
			return files;
		}
		catch (IOException ex) {
			throw new MappingException(folder.toString(), 0, "(folder)", "cannot be read: " + ex.getMessage());
		}
	}

}
