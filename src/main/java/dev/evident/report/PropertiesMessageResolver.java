package dev.evident.report;

import dev.evident.templates.TemplateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Resolves Thymeleaf {@code #{key}} / {@code #{key(arg1, arg2)}} expressions from one
 * UTF-8 properties file (the wording of a report), formatting arguments with
 * {@link MessageFormat}. A missing key renders as {@code ??key??} so a template typo is
 * visible, not fatal.
 */
public final class PropertiesMessageResolver implements IMessageResolver {

	private final Properties messages;

	public PropertiesMessageResolver(Properties messages) {
		this.messages = messages;
	}

	public static Properties load(TemplateSource templates, String relative) {
		Properties p = new Properties();
		try (InputStream in = templates.open(relative)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + relative, e);
		}
		return p;
	}

	@Override
	public String getName() {
		return "evident-properties";
	}

	@Override
	public Integer getOrder() {
		return 0;
	}

	@Override
	public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
		String pattern = messages.getProperty(key);
		if (pattern == null) {
			return null;
		}
		if (messageParameters == null || messageParameters.length == 0) {
			return pattern;
		}
		return new MessageFormat(pattern, Locale.ROOT).format(messageParameters);
	}

	@Override
	public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
			Object[] messageParameters) {
		return "??" + key + "??";
	}

}
