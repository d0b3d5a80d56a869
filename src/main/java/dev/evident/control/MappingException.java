package dev.evident.control;

/**
 * A mapping file that cannot be used. The message names the file, the line and the field,
 * and what was expected, so that it can be fixed without reading Java.
 */
public class MappingException extends RuntimeException {

	public MappingException(String file, int line, String field, String problem) {
		super(file + (line > 0 ? ":" + line : "") + ": " + field + ": " + problem);
	}

}
