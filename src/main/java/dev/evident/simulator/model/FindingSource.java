package dev.evident.simulator.model;

import dev.evident.simulator.model.CoveredResource;
import dev.evident.simulator.model.Finding;

import java.util.List;

/**
 * The Inspector2 findings of an organization, as indexable views. A data file's findings
 * are held in memory; a synthetic organization's are generated on demand, so that any
 * element of any view is produced without producing the ones before it, and counts are
 * computed without producing any.
 *
 * <p>
 * Every view has a stable order: the same source always returns the same finding at the
 * same index.
 */
public interface FindingSource {

	/** The regions that have findings, sorted. */
	List<String> regions();

	/** Every finding of every account and region. */
	List<Finding> all();

	/**
	 * The findings of one region: of every account ({@code accountId} null) or of one
	 * account (empty for an account without findings there).
	 */
	List<Finding> view(String region, String accountId);

	/** The findings of one account in every region. */
	List<Finding> ofAccount(String accountId);

	/**
	 * The number of findings with the given region, account, severity and status; a null
	 * argument matches any value. Computed without generating findings.
	 */
	long count(String region, String accountId, String severity, String status);

	/**
	 * The resources Inspector2 covers in one region: of every account ({@code accountId}
	 * null) or of one account.
	 */
	List<CoveredResource> coverage(String region, String accountId);

	/**
	 * True when findings are generated on demand; ListFindings then refuses
	 * {@code sortCriteria}, which would need them all.
	 */
	boolean generated();

}
