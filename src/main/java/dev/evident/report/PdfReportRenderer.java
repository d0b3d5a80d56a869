package dev.evident.report;

import dev.evident.templates.TemplateSource;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;

import dev.evident.evidence.EvidenceFiles;
import dev.evident.evidence.HashingOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Properties;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders {@code evidence-report.pdf} from the evidence store: Thymeleaf (XML mode, so
 * data is always escaped text) produces XHTML from
 * {@code report-templates/pdf/report.xhtml}, and openhtmltopdf lays it out with the
 * embedded fonts listed in {@code report.yaml}.
 *
 * <p>
 * The template may reference further files of its folder by relative URI (the stylesheet,
 * images); they are served from the {@link TemplateSource} through the private
 * {@code evident:} scheme, and nothing else (no network, no arbitrary files) can be
 * loaded.
 */
@Component
public class PdfReportRenderer {

	private static final Logger log = LoggerFactory.getLogger(PdfReportRenderer.class);
	static final String SCHEME = "evident";

	/** The output intent of PDF/A: the JDK's sRGB ICC profile. */
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

	private final JdbcTemplate jdbc;

	private final TemplateSource templates;

	private final Clock clock;

	@Autowired
	public PdfReportRenderer(JdbcTemplate jdbc, TemplateSource templates) {
		this(jdbc, templates, Clock.systemUTC());
	}

	PdfReportRenderer(JdbcTemplate jdbc, TemplateSource templates, Clock clock) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.clock = clock;
		Slf4jXRLogger.install();
	}

	public EvidenceFiles.Written render(String runId, Path target) {
		return render(runId, target, ReportStamp.none());
	}

	/**
	 * Renders the report of a run, stamped with the package's manifest hash and the tool
	 * version.
	 */
	public EvidenceFiles.Written render(String runId, Path target, ReportStamp stamp) {
		long started = System.nanoTime();
		PdfSettings settings = PdfSettings.load(templates);
		ReportModel model = new ReportQueries(jdbc, settings.limits(), clock).load(runId, stamp);
		String xhtml = renderXhtml(settings, model);
		Path tmp = target.resolveSibling(target.getFileName() + ".part");
		String name = target.getFileName().toString();
		EvidenceFiles.Written written;
		try {
			try (HashingOutputStream out = HashingOutputStream.toFile(tmp);
					PDDocument document = new PDDocument();
					UnshapedFonts fonts = new UnshapedFonts(templates)) {
				PdfRendererBuilder builder = new PdfRendererBuilder();
				builder.useFastMode();
				builder.withProducer("Evident " + stamp.toolVersion());
				// PDF/A-3b: embedded fonts (below), sRGB output intent, XMP metadata;
				// PDF/A-3 allows results.json to be attached as an associated file
				builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
				builder.useColorProfile(SRGB);
				builder.useReplacementText(settings.replacementText());
				builder.usePDDocument(document);
				for (PdfSettings.FontSpec font : settings.fonts()) {
					String file = "pdf/" + font.file();
					FontStyle style = font.isItalic() ? FontStyle.ITALIC : FontStyle.NORMAL;
					if (font.isFallback() || font.isShaping()) {
						EnumSet<FSFontUseCase> uses = EnumSet.of(FSFontUseCase.DOCUMENT);
						if (font.isFallback()) {
							uses.add(FSFontUseCase.FALLBACK_FINAL);
						}
						builder.useFont(() -> templates.open(file), font.family(), font.weightOrDefault(), style, true,
								uses);
					}
					else {
						builder.useFont(fonts.unshaped(document, file), font.family(), font.weightOrDefault(), style,
								true);
					}
				}
				builder.useUriResolver(PdfReportRenderer::resolveUri);
				builder.useProtocolsStreamImplementation(new TemplateStreams(templates), SCHEME);
				builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(SCHEME + ":"),
						ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
				builder.withHtmlContent(xhtml, SCHEME + ":pdf/" + settings.template());
				builder.toStream(out);
				try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
					// laid out and drawn, not yet saved: results.json is attached first
					renderer.createPDFWithoutClosing();
					if (stamp.resultsJson() != null) {
						PdfAttachment.attach(document, stamp.resultsJson());
					}
					document.save(out);
				}
				written = new EvidenceFiles.Written(name, out.sha256(), out.count());
			}
			moveIntoPlace(tmp, target);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write PDF report " + target, e);
		}
		finally {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// best effort
			}
		}
		log.info("PDF report for run {} written to {} in {} ms", runId, target.getFileName(),
				(System.nanoTime() - started) / 1_000_000);
		return written;
	}

	/** The XHTML the template produces for {@code model}; package-private for tests. */
	String renderXhtml(PdfSettings settings, ReportModel model) {
		Properties messages = PropertiesMessageResolver.load(templates, "pdf/" + settings.messages());
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.XML);
		resolver.setCacheable(false);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setMessageResolver(new PropertiesMessageResolver(messages));
		Context ctx = new Context();
		ctx.setVariable("m", model);
		ctx.setVariable("run", model.run());
		return engine.process(templates.text("pdf/" + settings.template()), ctx);
	}

	/**
	 * Relative references of the template resolve inside the template folder, via
	 * {@code evident:}.
	 */
	static String resolveUri(String baseUri, String uri) {
		if (uri == null || uri.isBlank()) {
			return null;
		}
		if (uri.startsWith(SCHEME + ":")) {
			return uri;
		}
		if (uri.contains(":") || uri.startsWith("/") || uri.contains("..")) {
			return null; // absolute URIs and escapes from the template folder are not
							// served
		}
		return SCHEME + ":pdf/" + uri;
	}

	private static void moveIntoPlace(Path tmp, Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private record TemplateStreams(TemplateSource templates) implements FSStreamFactory {
		@Override
		public FSStream getUrl(String url) {
			String relative = url.substring(SCHEME.length() + 1);
			return new FSStream() {
				@Override
				public InputStream getStream() {
					return templates.exists(relative) ? templates.open(relative) : null;
				}

				@Override
				public java.io.Reader getReader() {
					InputStream in = getStream();
					return in == null ? null
							: new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8);
				}
			};
		}
	}

}
