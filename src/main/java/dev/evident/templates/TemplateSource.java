package dev.evident.templates;

import dev.evident.run.EvidentProperties;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where the renderers find their templates, stylesheets, wording and fonts.
 *
 * <p>
 * By default everything comes from the classpath folder {@code report-templates/}. When
 * the Spring property {@code evident.templates-dir} names a filesystem folder with the
 * same layout ({@code pdf/...}, {@code excel/...}), files found there win; files missing
 * there fall back to the bundled ones, so a compliance team can override only what it
 * rebrands.
 */
@Component
public class TemplateSource {

	static final String CLASSPATH_ROOT = "report-templates/";

	private final Path overrideDir;

	@Autowired
	public TemplateSource(EvidentProperties settings) {
		this(settings.templatesDir());
	}

	public TemplateSource(String templatesDir) {
		this.overrideDir = templatesDir == null || templatesDir.isBlank() ? null : Path.of(templatesDir);
	}

	/** Templates from the classpath only. */
	public static TemplateSource bundled() {
		return new TemplateSource((String) null);
	}

	/** Templates from {@code dir} first, the classpath second. */
	public static TemplateSource overriddenBy(Path dir) {
		return new TemplateSource(dir.toString());
	}

	/**
	 * The URL of a template file, e.g. {@code pdf/report.xhtml}; fails if neither
	 * location has it.
	 */
	public URL url(String relative) {
		try {
			if (overrideDir != null) {
				Path p = overrideDir.resolve(relative);
				if (Files.isRegularFile(p)) {
					return p.toUri().toURL();
				}
			}
			URL url = classLoader().getResource(CLASSPATH_ROOT + relative);
			if (url == null) {
				throw new FileNotFoundException("report template not found: " + relative + (overrideDir != null
						? " (looked in " + overrideDir + " and the classpath)" : " (classpath)"));
			}
			return url;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public boolean exists(String relative) {
		if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(relative))) {
			return true;
		}
		return classLoader().getResource(CLASSPATH_ROOT + relative) != null;
	}

	public InputStream open(String relative) {
		try {
			return url(relative).openStream();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open report template " + relative, e);
		}
	}

	public byte[] bytes(String relative) {
		try (InputStream in = open(relative)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read report template " + relative, e);
		}
	}

	public String text(String relative) {
		return new String(bytes(relative), StandardCharsets.UTF_8);
	}

	private static ClassLoader classLoader() {
		ClassLoader cl = Thread.currentThread().getContextClassLoader();
		return cl != null ? cl : TemplateSource.class.getClassLoader();
	}

}
