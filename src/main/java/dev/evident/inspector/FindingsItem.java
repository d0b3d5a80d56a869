package dev.evident.inspector;

/**
 * What a findings chain reads: a ListFindings page, or rows of a findings report.
 */
public sealed interface FindingsItem permits FindingsPage, ExportedFindings {

	String region();

}
