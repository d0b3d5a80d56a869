package dev.evident.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evident.simulator.model.SimulatedOrganization;
import dev.evident.simulator.server.FaultHook;
import dev.evident.simulator.model.FindingSource;
import dev.evident.simulator.model.Account;
import dev.evident.simulator.model.Finding;
import dev.evident.simulator.server.Call;
import dev.evident.simulator.server.Json;
import dev.evident.simulator.server.Pagination;
import dev.evident.simulator.server.Protocol;
import dev.evident.simulator.server.RestJsonProtocol;
import dev.evident.simulator.server.Service;
import dev.evident.simulator.server.SimException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Amazon Inspector2 (REST-JSON, regional). The management account and Inspector's
 * delegated administrator see every account's findings in the request's region; other
 * accounts see their own.
 */
public final class Inspector2Service implements Service {

	static final String PRINCIPAL = "inspector2.amazonaws.com";

	private final Protocol protocol = new RestJsonProtocol(Map.of("POST /findings/list", "ListFindings",
			"POST /coverage/list", "ListCoverage", "POST /status/batch/get", "BatchGetAccountStatus",
			"POST /members/list", "ListMembers", "POST /reporting/create", "CreateFindingsReport",
			"POST /reporting/status/get", "GetFindingsReportStatus", "POST /reporting/cancel", "CancelFindingsReport",
			"POST /findings/aggregation/list", "ListFindingAggregations"));

	private final SimulatedOrganization org;

	private final FindingSource findings;

	private final FindingsReports reports;

	public Inspector2Service(SimulatedOrganization org) {
		this(org, FaultHook.NONE, new S3Objects());
	}

	/** Findings reports are written to {@code objects} (served by {@link S3Service}). */
	public Inspector2Service(SimulatedOrganization org, FaultHook faults, S3Objects objects) {
		this.org = org;
		this.findings = org.findingSource();
		this.reports = new FindingsReports(this::visibleFindings, objects, faults);
	}

	@Override
	public String name() {
		return "inspector2";
	}

	@Override
	public Protocol protocol() {
		return protocol;
	}

	@Override
	public Object handle(Call call) {
		return switch (call.operation()) {
			case "ListFindings" -> listFindings(call);
			case "ListCoverage" -> Coverage.list(call,
					findings.coverage(call.region(), isAdministrator(call.accountId()) ? null : call.accountId()),
					protocol);
			case "BatchGetAccountStatus" -> AccountStatus.batchGet(call, org, isAdministrator(call.accountId()));
			case "ListMembers" -> listMembers(call);
			case "CreateFindingsReport" -> reports.create(call);
			case "GetFindingsReportStatus" -> reports.status(call);
			case "CancelFindingsReport" -> reports.cancel(call);
			case "ListFindingAggregations" ->
				FindingAggregations.list(call, visibleFindings(call.region(), call.accountId()), protocol);
			default -> throw new IllegalStateException(call.operation());
		};
	}

	boolean isAdministrator(String accountId) {
		return accountId.equals(org.managementAccountId()) || org.delegatedAdministrators()
			.stream()
			.anyMatch(d -> d.accountId().equals(accountId) && d.servicePrincipal().equals(PRINCIPAL));
	}

	/**
	 * Everything the caller may see in {@code region}, in a stable order: every account's
	 * findings for the administrator, its own otherwise. Lazy for a synthetic
	 * organization: iterating generates one finding at a time.
	 */
	Iterable<Finding> visibleFindings(String region, String callerAccountId) {
		return findings.view(region, isAdministrator(callerAccountId) ? null : callerAccountId);
	}

	/**
	 * Pages over the caller's view, or over one account's view when the only account
	 * criterion is a single {@code awsAccountId EQUALS}: either way a page without other
	 * criteria costs O(page size) at any offset. Other criteria are evaluated while
	 * scanning forward from the token's position.
	 */
	private ObjectNode listFindings(Call call) {
		JsonNode criteria = call.json().get("filterCriteria");
		boolean admin = isAdministrator(call.accountId());
		String account = singleAccount(criteria);
		List<Finding> view;
		Predicate<Finding> filter;
		if (account != null) {
			view = admin || account.equals(call.accountId()) ? findings.view(call.region(), account) : List.of();
			filter = predicate(((ObjectNode) criteria).deepCopy().without("awsAccountId"));
		}
		else {
			view = findings.view(call.region(), admin ? null : call.accountId());
			filter = predicate(criteria);
		}
		JsonNode sort = call.json().get("sortCriteria");
		Pagination.Page<Finding> page;
		if (sort != null && !sort.isNull()) {
			if (findings.generated()) {
				throw new SimException("ValidationException", 400,
						"sortCriteria is not supported by the Evident simulator for a synthetic organization");
			}
			List<Finding> sorted = view.stream()
				.filter(filter == null ? f -> true : filter)
				.sorted(FindingOrder.of(sort))
				.toList();
			page = Pagination.page(sorted, call.text("nextToken"), call.integer("maxResults"), 50, 100, protocol);
		}
		else {
			page = Pagination.scan(view, filter, call.text("nextToken"), call.integer("maxResults"), 50, 100, protocol);
		}
		ArrayNode list = Json.arr();
		page.items().forEach(f -> list.add(FindingJson.render(f)));
		ObjectNode out = Json.obj();
		out.set("findings", list);
		return Json.put(out, "nextToken", page.nextToken());
	}

	/** The account of a lone {@code awsAccountId EQUALS} criterion, else null. */
	private static String singleAccount(JsonNode criteria) {
		JsonNode accounts = criteria == null ? null : criteria.get("awsAccountId");
		if (accounts == null || !accounts.isArray() || accounts.size() != 1
				|| !"EQUALS".equals(accounts.get(0).path("comparison").asText())) {
			return null;
		}
		return accounts.get(0).path("value").asText();
	}

	/** Null when there is nothing to filter on; unsupported criteria are refused. */
	private static Predicate<Finding> predicate(JsonNode criteria) {
		if (criteria == null || criteria.isNull() || criteria.isEmpty()) {
			return null;
		}
		return FindingFilter.of(criteria);
	}

	private ObjectNode listMembers(Call call) {
		if (!isAdministrator(call.accountId())) {
			throw new SimException("AccessDeniedException", 403,
					"Invoking account is not the Amazon Inspector delegated administrator");
		}
		String admin = org.delegatedAdministrators()
			.stream()
			.filter(d -> d.servicePrincipal().equals(PRINCIPAL))
			.map(d -> d.accountId())
			.findFirst()
			.orElse(org.managementAccountId());
		List<Account> members = org.accounts().stream().filter(a -> !a.id().equals(admin)).toList();
		var page = Pagination.page(members, call.text("nextToken"), call.integer("maxResults"), 50, 50, protocol);
		ArrayNode list = Json.arr();
		for (Account a : page.items()) {
			String status = a.suspended() ? "ACCOUNT_SUSPENDED"
					: "ENABLED".equals(a.inspectorStatus()) ? "ENABLED" : "DISABLED";
			list.add(Json.epoch(Json.obj()
				.put("accountId", a.id())
				.put("relationshipStatus", status)
				.put("delegatedAdminAccountId", admin), "updatedAt", a.joinedTimestamp()));
		}
		ObjectNode out = Json.obj();
		out.set("members", list);
		return Json.put(out, "nextToken", page.nextToken());
	}

	/** Sort orders of ListFindings' sortCriteria. */
	static final class FindingOrder {

		private static final List<String> SEVERITY_RANK = List.of("INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL",
				"UNTRIAGED");

		static Comparator<Finding> of(JsonNode sort) {
			Comparator<Finding> c = switch (sort.path("field").asText()) {
				case "AWS_ACCOUNT_ID" -> Comparator.comparing(Finding::awsAccountId);
				case "FINDING_TYPE" -> Comparator.comparing(Finding::type);
				case "SEVERITY" -> Comparator.comparingInt(f -> SEVERITY_RANK.indexOf(f.severity()));
				case "FIRST_OBSERVED_AT" -> Comparator.comparing(Finding::firstObservedAt);
				case "LAST_OBSERVED_AT" -> Comparator.comparing(Finding::lastObservedAt);
				case "FINDING_STATUS" -> Comparator.comparing(Finding::status);
				case "RESOURCE_TYPE" -> Comparator.comparing(Finding::resourceType);
				default -> throw new SimException("ValidationException", 400,
						"sortCriteria.field not supported by the Evident simulator: " + sort.path("field").asText());
			};
			c = c.thenComparing(Finding::findingArn);
			return "DESC".equals(sort.path("sortOrder").asText()) ? c.reversed() : c;
		}

	}

}
