package dev.evident.simulator.server;

import dev.evident.simulator.server.CallLog;
import dev.evident.simulator.server.FaultHook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Routes a request to its service (by the SigV4 credential scope, else by the request's
 * shape), attributes it to an account, records it, applies faults and lets the service's
 * protocol encode the outcome.
 */
public final class Router {

	private final Map<String, Service> services;

	private final FaultHook faults;

	private final CallLog calls;

	private final SessionStore sessions;

	private final String managementAccountId;

	private final Function<SimRequest, SimResponse> documents;

	public Router(List<Service> services, FaultHook faults, CallLog calls, SessionStore sessions,
			String managementAccountId, Function<SimRequest, SimResponse> documents) {
		this.services = services.stream().collect(java.util.stream.Collectors.toMap(Service::name, s -> s));
		this.faults = faults;
		this.calls = calls;
		this.sessions = sessions;
		this.managementAccountId = managementAccountId;
		this.documents = documents;
	}

	public SimResponse route(SimRequest request) {
		if (request.path().startsWith("/_artifact/")) {
			return documents.apply(request);
		}
		Service service = identify(request);
		if (service == null) {
			return SimResponse.of(400, "text/plain; charset=utf-8", "Unknown service for " + request.path());
		}
		Protocol protocol = service.protocol();
		try {
			String operation = protocol.operation(request);
			Session session = sessions.lookup(request.accessKeyId());
			String account = session != null ? session.accountId() : managementAccountId;
			String key = service.name() + ":" + operation;
			long sequence = calls.record(key, account);
			sleep(faults.latency().plus(faults.extraDelay(key)));
			if (session != null && (faults.credentialsExpired(session.issuedAtCall(), sequence)
					|| faults.sessionExpiredAfterOwnCalls(session.accessKeyId())
					|| faults.sessionExpired(key, account, session.accessKeyId()))) {
				throw protocol.expiredToken();
			}
			if (faults.nextCallThrottled()) {
				throw protocol.throttling();
			}
			int failure = faults.failureStatus(key);
			if (failure == 0) {
				failure = faults.regionalFailureStatus(key, account, request.region());
			}
			if (failure == 0) {
				failure = faults.transientFailureStatus(key);
			}
			if (failure != 0) {
				throw protocol.failure(failure);
			}
			Call call = new Call(operation, account, request.region(), request, protocol.params(request),
					protocol.json(request), session, sequence);
			return protocol.success(request, operation,
					Pagination.withLimit(faults.pageSizeLimit(), () -> service.handle(call)));
		}
		catch (SimException e) {
			return protocol.error(request, e);
		}
	}

	private Service identify(SimRequest request) {
		String signing = request.signingService();
		if (signing != null && services.containsKey(signing)) {
			return services.get(signing);
		}
		String target = request.header("x-amz-target");
		if (target != null) {
			return services.values()
				.stream()
				.filter(s -> s.protocol() instanceof JsonProtocol json && target.startsWith(json.targetPrefix()))
				.findFirst()
				.orElse(null);
		}
		for (Service s : services.values()) {
			if (s.protocol() instanceof RestJsonProtocol rest && rest.serves(request)) {
				return s;
			}
		}
		String action = SimRequest.decodeForm(request.bodyString()).get("Action");
		if (action != null) {
			return services.get(action.equals("AssumeRole") || action.equals("GetCallerIdentity") ? "sts" : "iam");
		}
		return null;
	}

	private static void sleep(Duration latency) {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
