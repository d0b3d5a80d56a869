package dev.evident.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The demo organization's regions and network resources through the real EC2 client and
 * its paginators, field by field, in every account that can be assumed into.
 */
class SimulatorEc2Test {

	/** The demo's ids, stable across starts (collectors' tests assert them too). */
	static final String MGMT_VPC = "vpc-bee29cb7a03cd3bc9";

	static final String MGMT_FLOW_LOG = "fl-b8110c74111946700";

	static final String MGMT_DEFAULT_SG = "sg-5952bff3772167524";

	static final String MGMT_WEB_HTTPS_SG = "sg-62c9b9b951d5d7920";

	static final String MGMT_ACL = "acl-cb3eb90bf0d8e6083";

	static final String AUTH_FAILURE_MESSAGE = "AWS was not able to validate the provided access credentials";

	static Simulator sim;

	@BeforeAll
	static void start() {
		sim = Simulator.start(SimulatorConfig.defaults()
			.withFaults(new Faults())
			.withReferenceInstant(SimulatorIamStsTest.REFERENCE)
			.withThreads(4));
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@AfterEach
	void reset() {
		Faults.of(sim).reset();
	}

	static Ec2Client ec2(String accountId, String region) {
		AwsCredentialsProvider creds = accountId.equals(sim.managementAccountId()) ? SdkClients.BASE
				: SdkClients.assume(sim, accountId, "EvidentAuditRole");
		return SdkClients.build(Ec2Client.builder(), sim, creds, Region.of(region), 1);
	}

	@Test
	void describeRegionsListsTheEnabledRegionsOrAllOfThem() {
		try (Ec2Client ec2 = ec2("111111111111", "us-east-1")) {
			assertThat(ec2.describeRegions().regions())
				.extracting(r -> r.regionName(), r -> r.endpoint(), r -> r.optInStatus())
				.containsExactly(tuple("ap-northeast-1", "ec2.ap-northeast-1.amazonaws.com", "opt-in-not-required"),
						tuple("eu-west-1", "ec2.eu-west-1.amazonaws.com", "opt-in-not-required"),
						tuple("us-east-1", "ec2.us-east-1.amazonaws.com", "opt-in-not-required"));
			assertThat(ec2.describeRegions(r -> r.allRegions(true)).regions())
				.extracting(r -> r.regionName(), r -> r.optInStatus())
				.containsExactly(tuple("ap-east-1", "not-opted-in"), tuple("ap-northeast-1", "opt-in-not-required"),
						tuple("eu-west-1", "opt-in-not-required"), tuple("us-east-1", "opt-in-not-required"));
			assertThat(ec2.describeRegions(r -> r.regionNames("ap-east-1", "eu-west-1")).regions())
				.extracting(r -> r.regionName(), r -> r.optInStatus())
				.containsExactly(tuple("ap-east-1", "not-opted-in"), tuple("eu-west-1", "opt-in-not-required"));
			assertThat(ec2
				.describeRegions(r -> r.allRegions(true)
					.filters(Filter.builder().name("opt-in-status").values("not-opted-in").build()))
				.regions()).extracting(r -> r.regionName()).containsExactly("ap-east-1");
		}
		try (Ec2Client ec2 = ec2("666666666666", "ap-northeast-1")) {
			assertThat(ec2.describeRegions().regions()).extracting(r -> r.regionName())
				.containsExactly("ap-northeast-1", "eu-west-1", "us-east-1");
		}
	}

	@Test
	void aRegionTheAccountDidNotOptInToRefusesTheCredentials() {
		for (String account : List.of("666666666666", "111111111111")) {
			try (Ec2Client ec2 = ec2(account, "ap-east-1")) {
				for (Runnable call : List.<Runnable>of(ec2::describeVpcs, ec2::describeRegions,
						ec2::describeSecurityGroups, ec2::describeNetworkAcls, ec2::describeFlowLogs)) {
					Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call::run);
					assertThat(e.statusCode()).isEqualTo(401);
					assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
					assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(AUTH_FAILURE_MESSAGE);
				}
			}
		}
		// a region the organization does not know at all is no better
		try (Ec2Client ec2 = ec2("111111111111", "us-west-2")) {
			assertThat(catchThrowableOfType(Ec2Exception.class, ec2::describeVpcs).awsErrorDetails().errorCode())
				.isEqualTo("AuthFailure");
		}
		assertThat(sim.organization().regionEnabled("666666666666", "ap-east-1")).isFalse();
		assertThat(sim.organization().regionEnabled("666666666666", "ap-northeast-1")).isTrue();
	}

	@Test
	void managementAccountFieldByField() {
		try (Ec2Client ec2 = ec2("111111111111", "us-east-1")) {
			Vpc vpc = single(ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs());
			assertThat(vpc.vpcId()).isEqualTo(MGMT_VPC);
			assertThat(vpc.ownerId()).isEqualTo("111111111111");
			assertThat(vpc.stateAsString()).isEqualTo("available");
			assertThat(vpc.cidrBlock()).isEqualTo("10.0.0.0/16");
			assertThat(vpc.isDefault()).isFalse();
			assertThat(vpc.dhcpOptionsId()).matches("dopt-[0-9a-f]{17}");
			assertThat(vpc.instanceTenancyAsString()).isEqualTo("default");
			assertThat(vpc.tags()).extracting(Tag::key, Tag::value).containsExactly(tuple("Name", "mgmt"));
			assertThat(vpc.cidrBlockAssociationSet()).singleElement().satisfies(a -> {
				assertThat(a.cidrBlock()).isEqualTo("10.0.0.0/16");
				assertThat(a.cidrBlockState().stateAsString()).isEqualTo("associated");
			});

			FlowLog log = single(ec2.describeFlowLogsPaginator(r -> r.maxResults(5)).flowLogs());
			assertThat(log.flowLogId()).isEqualTo(MGMT_FLOW_LOG);
			assertThat(log.resourceId()).isEqualTo(MGMT_VPC);
			assertThat(log.flowLogStatus()).isEqualTo("ACTIVE");
			assertThat(log.deliverLogsStatus()).isEqualTo("SUCCESS");
			assertThat(log.trafficTypeAsString()).isEqualTo("ALL");
			assertThat(log.logDestinationTypeAsString()).isEqualTo("cloud-watch-logs");
			assertThat(log.logGroupName()).isEqualTo("/aws/vpc/flow-logs/mgmt");
			assertThat(log.logDestination())
				.isEqualTo("arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc/flow-logs/mgmt");
			assertThat(log.creationTime()).isBefore(SimulatorIamStsTest.REFERENCE);

			List<SecurityGroup> groups = ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5))
				.securityGroups()
				.stream()
				.toList();
			assertThat(groups)
				.extracting(SecurityGroup::groupId, SecurityGroup::groupName, SecurityGroup::vpcId,
						SecurityGroup::ownerId)
				.containsExactly(tuple(MGMT_DEFAULT_SG, "default", MGMT_VPC, "111111111111"),
						tuple(MGMT_WEB_HTTPS_SG, "web-https", MGMT_VPC, "111111111111"));
			assertThat(groups.get(0).description()).isEqualTo("default VPC security group");
			assertThat(groups.get(0).ipPermissions()).isEmpty();
			assertThat(groups.get(0).ipPermissionsEgress()).isEmpty();
			IpPermission https = single(groups.get(1).ipPermissions());
			assertThat(https.ipProtocol()).isEqualTo("tcp");
			assertThat(https.fromPort()).isEqualTo(443);
			assertThat(https.toPort()).isEqualTo(443);
			assertThat(https.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
			assertThat(https.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("::/0");
			assertThat(https.userIdGroupPairs()).isEmpty();
			assertThat(https.prefixListIds()).isEmpty();
			assertAllTrafficTo(single(groups.get(1).ipPermissionsEgress()), "0.0.0.0/0");

			NetworkAcl acl = single(ec2.describeNetworkAclsPaginator(r -> r.maxResults(5)).networkAcls());
			assertThat(acl.networkAclId()).isEqualTo(MGMT_ACL);
			assertThat(acl.vpcId()).isEqualTo(MGMT_VPC);
			assertThat(acl.isDefault()).isTrue();
			assertThat(acl.ownerId()).isEqualTo("111111111111");
			assertRestrictive(acl);
			assertThat(acl.associations()).hasSize(2).allSatisfy(a -> {
				assertThat(a.networkAclId()).isEqualTo(MGMT_ACL);
				assertThat(a.networkAclAssociationId()).matches("aclassoc-[0-9a-f]{17}");
				assertThat(a.subnetId()).matches("subnet-[0-9a-f]{17}");
			});
		}
	}

	@Test
	void securityAccountLogsToS3AndAllowsSshFromThePrivateNetworkOnly() {
		try (Ec2Client ec2 = ec2("222222222222", "us-east-1")) {
			Vpc vpc = single(ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs());
			assertThat(vpc.ownerId()).isEqualTo("222222222222");
			FlowLog log = single(ec2.describeFlowLogsPaginator(r -> r.maxResults(5)).flowLogs());
			assertThat(log.resourceId()).isEqualTo(vpc.vpcId());
			assertThat(log.flowLogStatus()).isEqualTo("ACTIVE");
			assertThat(log.deliverLogsStatus()).isEqualTo("SUCCESS");
			assertThat(log.logDestinationTypeAsString()).isEqualTo("s3");
			assertThat(log.logDestination()).isEqualTo("arn:aws:s3:::evident-security-flow-logs");
			assertThat(log.logGroupName()).isNull();
			List<SecurityGroup> groups = ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5))
				.securityGroups()
				.stream()
				.toList();
			assertClosedDefault(groups.get(0), vpc.vpcId());
			assertThat(groups.get(1).groupName()).isEqualTo("bastion");
			IpPermission ssh = single(groups.get(1).ipPermissions());
			assertThat(ssh.ipProtocol()).isEqualTo("tcp");
			assertThat(ssh.fromPort()).isEqualTo(22);
			assertThat(ssh.toPort()).isEqualTo(22);
			assertThat(ssh.ipRanges()).extracting(IpRange::cidrIp).containsExactly("10.0.0.0/8");
			assertThat(ssh.ipv6Ranges()).isEmpty();
			assertRestrictive(single(ec2.describeNetworkAcls().networkAcls()));
		}
	}

	@Test
	void logArchiveAndDevAccountsAreClosedButDevLetsReturnTrafficInFrom1024() {
		for (String[] account : new String[][] { { "333333333333", "us-east-1" },
				{ "666666666666", "ap-northeast-1" } }) {
			try (Ec2Client ec2 = ec2(account[0], account[1])) {
				Vpc vpc = single(ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs());
				FlowLog log = single(ec2.describeFlowLogs().flowLogs());
				assertThat(log.resourceId()).isEqualTo(vpc.vpcId());
				assertThat(log.flowLogStatus()).isEqualTo("ACTIVE");
				assertThat(log.deliverLogsStatus()).isEqualTo("SUCCESS");
				assertClosedDefault(single(ec2.describeSecurityGroups().securityGroups()), vpc.vpcId());
				NetworkAcl acl = single(ec2.describeNetworkAcls().networkAcls());
				if (account[0].equals("333333333333")) {
					assertRestrictive(acl);
				}
				else {
					assertThat(entries(acl, false))
						.extracting(NetworkAclEntry::ruleNumber,
								e -> e.portRange() == null ? null : e.portRange().from() + "-" + e.portRange().to())
						.containsExactly(tuple(100, "443-443"), tuple(110, "1024-65535"), tuple(32767, null));
				}
			}
		}
	}

	@Test
	void paymentsHasAnUnloggedWideOpenVpcInEurope() {
		try (Ec2Client ec2 = ec2("444444444444", "us-east-1")) {
			Vpc vpc = single(ec2.describeVpcs().vpcs());
			assertThat(single(ec2.describeFlowLogs().flowLogs()).resourceId()).isEqualTo(vpc.vpcId());
			List<SecurityGroup> groups = ec2.describeSecurityGroups().securityGroups();
			assertClosedDefault(groups.get(0), vpc.vpcId());
			assertThat(groups.get(1).groupName()).isEqualTo("payments-web");
			IpPermission https = single(groups.get(1).ipPermissions());
			assertThat(https.fromPort()).isEqualTo(443);
			assertThat(https.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
			assertThat(https.ipv6Ranges()).isEmpty();
			assertRestrictive(single(ec2.describeNetworkAcls().networkAcls()));
		}
		try (Ec2Client ec2 = ec2("444444444444", "eu-west-1")) {
			Vpc vpc = single(ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs());
			assertThat(vpc.tags()).extracting(Tag::value).containsExactly("payments-eu");
			assertThat(ec2.describeFlowLogsPaginator(r -> r.maxResults(5)).flowLogs()).isEmpty();
			assertThat(ec2.describeFlowLogs(r -> r.filter(f -> f.name("resource-id").values(vpc.vpcId()))).flowLogs())
				.isEmpty();
			assertClosedDefault(single(ec2.describeSecurityGroups().securityGroups()), vpc.vpcId());
			NetworkAcl acl = single(ec2.describeNetworkAclsPaginator(r -> r.maxResults(5)).networkAcls());
			assertThat(acl.isDefault()).isTrue();
			assertThat(acl.vpcId()).isEqualTo(vpc.vpcId());
			for (boolean egress : new boolean[] { false, true }) {
				assertThat(entries(acl, egress)).as(egress ? "outbound" : "inbound")
					.extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::protocol,
							NetworkAclEntry::ruleActionAsString, NetworkAclEntry::cidrBlock,
							NetworkAclEntry::ipv6CidrBlock, NetworkAclEntry::portRange)
					.containsExactly(tuple(100, "-1", "allow", "0.0.0.0/0", null, null),
							tuple(101, "-1", "allow", null, "::/0", null),
							tuple(32767, "-1", "deny", "0.0.0.0/0", null, null));
			}
		}
	}

	@Test
	void webKeepsTheDefaultGroupsRulesAnIpv6OnlySshRuleAndAFailingFlowLog() {
		try (Ec2Client ec2 = ec2("555555555555", "us-east-1")) {
			List<Vpc> vpcs = ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream().toList();
			assertThat(vpcs).extracting(v -> v.tags().get(0).value()).containsExactly("web", "web-staging");
			String web = vpcs.get(0).vpcId();
			String staging = vpcs.get(1).vpcId();

			List<FlowLog> logs = ec2.describeFlowLogsPaginator(r -> r.maxResults(5)).flowLogs().stream().toList();
			assertThat(logs).extracting(FlowLog::resourceId, FlowLog::flowLogStatus, FlowLog::deliverLogsStatus)
				.containsExactly(tuple(web, "ACTIVE", "SUCCESS"), tuple(staging, "ACTIVE", "FAILED"));
			assertThat(logs.get(1).deliverLogsErrorMessage()).isEqualTo("Access error");

			List<SecurityGroup> groups = ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5))
				.securityGroups()
				.stream()
				.toList();
			assertThat(groups).extracting(SecurityGroup::groupName, SecurityGroup::vpcId)
				.containsExactly(tuple("default", web), tuple("legacy-ssh", web), tuple("default", staging));
			SecurityGroup defaultGroup = groups.get(0);
			IpPermission fromItself = single(defaultGroup.ipPermissions());
			assertThat(fromItself.ipProtocol()).isEqualTo("-1");
			assertThat(fromItself.fromPort()).isNull();
			assertThat(fromItself.toPort()).isNull();
			assertThat(fromItself.ipRanges()).isEmpty();
			assertThat(fromItself.ipv6Ranges()).isEmpty();
			assertThat(fromItself.userIdGroupPairs()).extracting(UserIdGroupPair::groupId, UserIdGroupPair::userId)
				.containsExactly(tuple(defaultGroup.groupId(), "555555555555"));
			assertAllTrafficTo(single(defaultGroup.ipPermissionsEgress()), "0.0.0.0/0");

			IpPermission ssh = single(groups.get(1).ipPermissions());
			assertThat(ssh.ipProtocol()).isEqualTo("tcp");
			assertThat(ssh.fromPort()).isEqualTo(22);
			assertThat(ssh.toPort()).isEqualTo(22);
			assertThat(ssh.ipRanges()).isEmpty();
			assertThat(ssh.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("::/0");
			assertClosedDefault(groups.get(2), staging);

			assertThat(ec2.describeNetworkAclsPaginator(r -> r.maxResults(5)).networkAcls().stream().toList())
				.extracting(NetworkAcl::vpcId)
				.containsExactly(web, staging);
			ec2.describeNetworkAcls().networkAcls().forEach(SimulatorEc2Test::assertRestrictive);
		}
	}

	@Test
	void enabledRegionsWithoutResourcesAnswerEmptyLists() {
		for (String[] account : new String[][] { { "111111111111", "eu-west-1" }, { "111111111111", "ap-northeast-1" },
				{ "666666666666", "us-east-1" }, { "222222222222", "eu-west-1" } }) {
			try (Ec2Client ec2 = ec2(account[0], account[1])) {
				assertThat(ec2.describeVpcs().vpcs()).isEmpty();
				assertThat(ec2.describeFlowLogs().flowLogs()).isEmpty();
				assertThat(ec2.describeSecurityGroups().securityGroups()).isEmpty();
				assertThat(ec2.describeNetworkAcls().networkAcls()).isEmpty();
			}
		}
	}

	@Test
	void paginatorsFollowNextTokens() {
		Faults.of(sim).pageSizeLimit(1);
		long before = sim.calls().count("ec2:DescribeSecurityGroups", "555555555555");
		try (Ec2Client ec2 = ec2("555555555555", "us-east-1")) {
			assertThat(ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups().stream())
				.extracting(SecurityGroup::groupName)
				.containsExactly("default", "legacy-ssh", "default");
			assertThat(sim.calls().count("ec2:DescribeSecurityGroups", "555555555555") - before).isEqualTo(3);
			assertThat(ec2.describeVpcsPaginator(r -> r.maxResults(5)).stream()).hasSize(2);
			assertThat(ec2.describeNetworkAclsPaginator(r -> r.maxResults(5)).networkAcls()).hasSize(2);
			Faults.of(sim).reset();
			// DescribeFlowLogs documents no minimum: pages of one
			var pages = ec2.describeFlowLogsPaginator(r -> r.maxResults(1)).stream().toList();
			assertThat(pages).hasSize(2);
			assertThat(pages.get(0).nextToken()).isNotNull();
			assertThat(pages.get(1).nextToken()).isNull();
		}
	}

	@Test
	void idsAndFiltersSelect() {
		try (Ec2Client ec2 = ec2("111111111111", "us-east-1")) {
			assertThat(ec2.describeVpcs(r -> r.vpcIds(MGMT_VPC)).vpcs()).hasSize(1);
			assertThat(ec2.describeSecurityGroups(r -> r.groupIds(MGMT_WEB_HTTPS_SG)).securityGroups())
				.extracting(SecurityGroup::groupName)
				.containsExactly("web-https");
			assertThat(ec2
				.describeSecurityGroups(r -> r.filters(f -> f.name("ip-permission.ipv6-cidr").values("::/0"),
						f -> f.name("vpc-id").values(MGMT_VPC)))
				.securityGroups()).extracting(SecurityGroup::groupId).containsExactly(MGMT_WEB_HTTPS_SG);
			assertThat(ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("web-*")))
				.securityGroups()).hasSize(1);
			assertThat(ec2.describeNetworkAcls(r -> r.networkAclIds(MGMT_ACL)).networkAcls()).hasSize(1);
			assertThat(ec2.describeNetworkAcls(r -> r.filters(f -> f.name("default").values("false"))).networkAcls())
				.isEmpty();
			assertThat(ec2.describeFlowLogs(r -> r.flowLogIds(MGMT_FLOW_LOG, "fl-00000000000000000")).flowLogs())
				.hasSize(1);
			assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values("mgmt"))).vpcs()).hasSize(1);

			assertError(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-00000000000000000")), 400, "InvalidVpcID.NotFound",
					"The vpc ID 'vpc-00000000000000000' does not exist");
			assertError(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-00000000000000000")), 400,
					"InvalidGroup.NotFound", "The security group 'sg-00000000000000000' does not exist");
			assertError(() -> ec2.describeNetworkAcls(r -> r.networkAclIds("acl-00000000000000000")), 400,
					"InvalidNetworkAclID.NotFound", "The networkAcl ID 'acl-00000000000000000' does not exist");
			assertError(() -> ec2.describeSecurityGroups(r -> r.groupNames("default")), 400, "VPCIdNotSpecified",
					"No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.");
			assertError(() -> ec2.describeVpcs(r -> r.filters(f -> f.name("no-such-filter").values("x"))), 400,
					"InvalidParameterValue", "The filter 'no-such-filter' is invalid");
			assertError(() -> ec2.describeRegions(r -> r.regionNames("xx-nowhere-1")), 400, "InvalidParameterValue",
					"Invalid region: xx-nowhere-1");
			assertError(() -> ec2.describeVpcs(r -> r.dryRun(true)), 412, "DryRunOperation",
					"Request would have succeeded, but DryRun flag is set.");
		}
	}

	@Test
	void maxResultsOutsideTheModelsRangeIsInvalid() {
		try (Ec2Client ec2 = ec2("111111111111", "us-east-1")) {
			for (int max : new int[] { 4, 1001 }) {
				assertError(() -> ec2.describeVpcs(r -> r.maxResults(max)), 400, "InvalidParameterValue", "Value ( "
						+ max + " ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.");
				assertError(() -> ec2.describeSecurityGroups(r -> r.maxResults(max)), 400, "InvalidParameterValue",
						null);
				assertError(() -> ec2.describeNetworkAcls(r -> r.maxResults(max)), 400, "InvalidParameterValue", null);
			}
			assertError(() -> ec2.describeFlowLogs(r -> r.maxResults(0)), 400, "InvalidParameterValue", null);
			assertThat(ec2.describeVpcs(r -> r.maxResults(5)).nextToken()).isNull();
			assertError(() -> ec2.describeVpcs(r -> r.nextToken("not-a-token")), 400, "InvalidParameterValue",
					"Invalid pagination token");
		}
	}

	@Test
	void unknownOrMalformedParametersAreInvalidInput() throws Exception {
		assertRaw("Action=DescribeVpcs&Version=2016-11-15&Colour=blue", 400, "InvalidParameterValue",
				"The parameter Colour is not recognized");
		assertRaw("Action=DescribeVpcs&Version=2016-11-15&GroupId.1=sg-1", 400, "InvalidParameterValue",
				"The parameter GroupId.1 is not recognized");
		assertRaw("Action=DescribeRegions&Version=2016-11-15&AllRegions=yes", 400, "InvalidParameterValue",
				"Invalid value 'yes' for AllRegions: expected true or false");
		assertRaw("Action=DescribeVpcs&Version=2016-11-15&MaxResults=ten", 400, "InvalidParameterValue",
				"Value ( ten ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.");
		assertRaw("Action=DescribeFlowLogs&Version=2016-11-15&Filter.1.Value.1=x", 400, "InvalidParameterValue",
				"The filter Filter.1 has values but no Name");
		assertRaw("Action=DescribeInstances&Version=2016-11-15", 400, "InvalidAction",
				"The action DescribeInstances is not valid for this web service.");
		assertRaw("Action=DescribeRegions&Version=2016-11-15", 200, null, null);
	}

	@Test
	void faultsReachEc2AsTheyReachEveryService() {
		try (Ec2Client ec2 = ec2("444444444444", "us-east-1")) {
			Faults.of(sim).throttleRate(1.0, 7);
			Ec2Exception throttled = catchThrowableOfType(Ec2Exception.class, ec2::describeVpcs);
			assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
			assertThat(throttled.isThrottlingException()).isTrue();
			Faults.of(sim).reset().failOperation("ec2:DescribeSecurityGroups", 0, 503);
			assertThat(catchThrowableOfType(Ec2Exception.class, ec2::describeSecurityGroups).statusCode())
				.isEqualTo(503);
			assertThat(ec2.describeNetworkAcls().networkAcls()).hasSize(1);
			Faults.of(sim).reset().expireCredentialsAfterCalls(0);
			assertThat(catchThrowableOfType(Ec2Exception.class, ec2::describeFlowLogs).awsErrorDetails().errorCode())
				.isEqualTo("RequestExpired");
		}
	}

	private static void assertError(Runnable call, int status, String code, String message) {
		Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call::run);
		assertThat(e).as("an Ec2Exception").isNotNull();
		assertThat(e.statusCode()).isEqualTo(status);
		assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
		if (message != null) {
			assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
		}
	}

	/** A request the SDK would not send, signed (unverified) for ec2 in us-east-1. */
	private static void assertRaw(String form, int status, String code, String message) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sim.endpoint() + "/"))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260105/us-east-1/ec2/aws4_request, "
							+ "SignedHeaders=host, Signature=0")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		if (code != null) {
			assertThat(response.body()).startsWith("<Response><Errors><Error><Code>" + code + "</Code><Message>"
					+ message.replace("'", "&apos;") + "</Message>");
		}
	}

	private static void assertClosedDefault(SecurityGroup group, String vpcId) {
		assertThat(group.groupName()).isEqualTo("default");
		assertThat(group.vpcId()).isEqualTo(vpcId);
		assertThat(group.ipPermissions()).isEmpty();
		assertThat(group.ipPermissionsEgress()).isEmpty();
	}

	private static void assertAllTrafficTo(IpPermission permission, String cidr) {
		assertThat(permission.ipProtocol()).isEqualTo("-1");
		assertThat(permission.fromPort()).isNull();
		assertThat(permission.toPort()).isNull();
		assertThat(permission.ipRanges()).extracting(IpRange::cidrIp).containsExactly(cidr);
	}

	/** The demo's restrictive default ACL: HTTPS and ephemeral ports in, all out. */
	static void assertRestrictive(NetworkAcl acl) {
		assertThat(acl.isDefault()).isTrue();
		assertThat(entries(acl, false))
			.extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::protocol, NetworkAclEntry::ruleActionAsString,
					NetworkAclEntry::cidrBlock, e -> e.portRange() == null ? null : e.portRange().from(),
					e -> e.portRange() == null ? null : e.portRange().to())
			.containsExactly(tuple(100, "6", "allow", "0.0.0.0/0", 443, 443),
					tuple(110, "6", "allow", "0.0.0.0/0", 32768, 65535),
					tuple(32767, "-1", "deny", "0.0.0.0/0", null, null));
		assertThat(entries(acl, true))
			.extracting(NetworkAclEntry::ruleNumber, NetworkAclEntry::protocol, NetworkAclEntry::ruleActionAsString,
					NetworkAclEntry::cidrBlock, NetworkAclEntry::portRange)
			.containsExactly(tuple(100, "-1", "allow", "0.0.0.0/0", null),
					tuple(32767, "-1", "deny", "0.0.0.0/0", null));
		assertThat(acl.associations()).extracting(NetworkAclAssociation::networkAclId).containsOnly(acl.networkAclId());
	}

	private static List<NetworkAclEntry> entries(NetworkAcl acl, boolean egress) {
		return acl.entries().stream().filter(e -> e.egress() == egress).toList();
	}

	private static <T> T single(Iterable<T> items) {
		List<T> list = new java.util.ArrayList<>();
		items.forEach(list::add);
		assertThat(list).hasSize(1);
		return list.get(0);
	}

}
