package dev.evident.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reads a zip into memory and writes a changed copy, to tamper with bundles in tests. */
public final class Zips {

	private Zips() {
	}

	public static Map<String, byte[]> read(Path zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	public static Path write(Path target, Map<String, byte[]> entries) throws IOException {
		try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return target;
	}

	public static Path copyChanging(Path source, Path target, UnaryOperator<Map<String, byte[]>> change)
			throws IOException {
		return write(target, change.apply(read(source)));
	}

	/** Extracts a zip (trusted, from this test) into a folder. */
	public static void extract(Path zip, Path dir) throws IOException {
		try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				Path target = dir.resolve(e.getName());
				Files.createDirectories(target.getParent());
				Files.write(target, in.readAllBytes());
			}
		}
	}

}
