package dev.evident.report;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's diagnostics to SLF4J (logger {@code com.openhtmltopdf}), so they
 * follow the application's logging instead of printing to standard error. Its INFO
 * chatter becomes DEBUG.
 */
final class Slf4jXRLogger implements XRLogger {

	private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

	private Slf4jXRLogger() {
	}

	static synchronized void install() {
		XRLog.setLoggerImpl(new Slf4jXRLogger());
	}

	@Override
	public void log(String where, Level level, String msg) {
		log(where, level, msg, null);
	}

	@Override
	public void log(String where, Level level, String msg, Throwable th) {
		if (level.intValue() >= Level.SEVERE.intValue()) {
			log.error("{}: {}", where, msg, th);
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			log.warn("{}: {}", where, msg, th);
		}
		else {
			log.debug("{}: {}", where, msg, th);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// levels follow the application's logging configuration
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Level level = diagnostic.getLevel();
		return level.intValue() >= Level.WARNING.intValue() ? log.isWarnEnabled() : log.isDebugEnabled();
	}

}
