package dev.evident.simulator;

import dev.evident.simulator.server.FaultHook;

import dev.evident.simulator.server.CallLog;

import dev.evident.simulator.model.SimulatedOrganization;

import dev.evident.simulator.data.DataLoader;

import dev.evident.simulator.server.Router;
import dev.evident.simulator.server.SessionStore;
import dev.evident.simulator.server.SimServer;
import dev.evident.simulator.service.ArtifactDocuments;
import dev.evident.simulator.service.ArtifactService;
import dev.evident.simulator.service.CloudFrontService;
import dev.evident.simulator.service.Ec2Service;
import dev.evident.simulator.service.ElbService;
import dev.evident.simulator.service.IamService;
import dev.evident.simulator.service.Inspector2Service;
import dev.evident.simulator.service.OrganizationsService;
import dev.evident.simulator.service.S3Objects;
import dev.evident.simulator.service.S3Service;
import dev.evident.simulator.service.ShieldService;
import dev.evident.simulator.service.StsService;
import dev.evident.simulator.service.WafService;
import dev.evident.simulator.synthetic.SyntheticOrganizationBuilder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An AWS-compatible simulator on 127.0.0.1 speaking the real wire protocols of STS, IAM,
 * Organizations, Inspector2, Artifact, S3 (the objects of Inspector's findings reports),
 * EC2 (regions and network resources) and the services of the entry points (ELBv2, WAFv2,
 * CloudFront, Shield), so unmodified AWS SDK clients can run against {@link #endpoint()}.
 *
 * <p>
 * Requests signed with any access key the simulator did not issue belong to the
 * management account; keys issued by {@code sts:AssumeRole} belong to the role's account.
 * Signatures are not verified.
 */
public final class Simulator implements AutoCloseable {

	private final SimulatedOrganization organization;

	private final FaultHook faults;

	private final CallLog calls = new CallLog();

	private final SimServer server;

	private final S3Objects objects;

	private final URI endpoint;

	private Simulator(SimulatorConfig config) {
		this.faults = config.faults();
		this.organization = config.synthetic() != null
				? SyntheticOrganizationBuilder.build(config.synthetic(), config.referenceInstant())
				: DataLoader.load(config.dataFile(), config.referenceInstant());
		SessionStore sessions = new SessionStore();
		Instant startedAt = Instant.now();
		Instant reference = config.referenceInstant();
		AtomicReference<URI> endpointRef = new AtomicReference<>();
		ArtifactDocuments documents = new ArtifactDocuments(organization, endpointRef::get, faults);
		this.objects = new S3Objects();
		Router router = new Router(
				List.of(new StsService(organization, faults, calls, sessions),
						new IamService(organization, faults,
								() -> reference.plus(Duration.between(startedAt, Instant.now()))),
						new OrganizationsService(organization), new Inspector2Service(organization, faults, objects),
						new ArtifactService(organization, documents), new S3Service(objects, faults),
						new Ec2Service(organization), new ElbService(organization), new WafService(organization),
						new CloudFrontService(organization), new ShieldService(organization)),
				faults, calls, sessions, organization.managementAccountId(), documents::serve);
		this.server = new SimServer(config.port(), config.threads(), router);
		this.endpoint = URI.create("http://127.0.0.1:" + server.port());
		endpointRef.set(endpoint);
	}

	/**
	 * Loads the data file (or builds the synthetic organization) and starts serving; the
	 * returned simulator must be closed.
	 */
	public static Simulator start(SimulatorConfig config) {
		return new Simulator(config);
	}

	/** {@code http://127.0.0.1:<port>}: the endpoint override for every SDK client. */
	public URI endpoint() {
		return endpoint;
	}

	public int port() {
		return server.port();
	}

	/** The organization being served. */
	public SimulatedOrganization organization() {
		return organization;
	}

	/**
	 * The faults the simulator asks about on every request
	 * ({@link SimulatorConfig#withFaults}).
	 */
	public FaultHook faults() {
		return faults;
	}

	/** Calls received so far. */
	public CallLog calls() {
		return calls;
	}

	public String managementAccountId() {
		return organization.managementAccountId();
	}

	/** Stops the server and its threads. */
	@Override
	public void close() {
		server.close();
		objects.close();
	}

}
