package dev.evident.control.checks;

import java.util.List;

import dev.evident.network.RegionNetwork;
import dev.evident.network.RegionNetwork.Entry;
import dev.evident.network.RegionNetwork.FlowLog;
import dev.evident.network.RegionNetwork.NetworkAcl;
import dev.evident.network.RegionNetwork.Rule;
import dev.evident.network.RegionNetwork.SecurityGroup;
import dev.evident.network.RegionNetwork.Vpc;

/** Network configurations as EC2 describes them, for the network checks' tests. */
final class NetworkFixtures {

	private NetworkFixtures() {
	}

	static Vpc vpc(String id) {
		return new Vpc(id, "10.0.0.0/16", false, "app");
	}

	static FlowLog flowLog(String id, String vpcId, String status, String delivery) {
		return new FlowLog(id, vpcId, status, delivery, "ALL", "cloud-watch-logs", "vpc-logs");
	}

	static SecurityGroup group(String id, String name, String vpcId, Rule... rules) {
		return new SecurityGroup(id, name, vpcId, name, List.of(rules));
	}

	static Rule in(String protocol, Integer from, Integer to, String source) {
		return new Rule(false, protocol, from, to, source);
	}

	static Rule out(String protocol, Integer from, Integer to, String source) {
		return new Rule(true, protocol, from, to, source);
	}

	static NetworkAcl acl(String id, String vpcId, Entry... entries) {
		return new NetworkAcl(id, vpcId, true, List.of(entries));
	}

	static Entry allow(int rule, String protocol, Integer from, Integer to, String cidr) {
		return new Entry(rule, false, protocol, "allow", cidr, from, to);
	}

	static Entry deny(int rule, String protocol, Integer from, Integer to, String cidr) {
		return new Entry(rule, false, protocol, "deny", cidr, from, to);
	}

	static RegionNetwork region(String region, List<Vpc> vpcs, List<FlowLog> logs, List<SecurityGroup> groups,
			List<NetworkAcl> acls) {
		return new RegionNetwork(region, vpcs, logs, groups, acls);
	}

}
