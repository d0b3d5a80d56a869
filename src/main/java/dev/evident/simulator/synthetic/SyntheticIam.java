package dev.evident.simulator.synthetic;

import dev.evident.simulator.data.DataFile.GroupSpec;
import dev.evident.simulator.data.DataFile.KeySpec;
import dev.evident.simulator.data.DataFile.PasswordSpec;
import dev.evident.simulator.data.DataFile.RootSpec;
import dev.evident.simulator.data.DataFile.UserSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The IAM content of synthetic accounts: people with console passwords (most with MFA,
 * some with stale passwords or keys) and service users with access keys of every age,
 * some never used, some inactive.
 */
final class SyntheticIam {

	static final List<GroupSpec> GROUPS = List.of(new GroupSpec("Administrators", List.of("AdministratorAccess")),
			new GroupSpec("Developers", List.of("PowerUserAccess")),
			new GroupSpec("ReadOnly", List.of("ReadOnlyAccess")));

	private static final String[] FIRST = { "alice", "bob", "carol", "dmitri", "eve", "farah", "gustavo", "hana",
			"ivan", "julia", "kenji", "lena", "mateo", "nadia", "oscar", "priya", "quentin", "rosa", "samir", "tara",
			"umar", "vera", "wei", "ximena", "yusuf", "zoe" };

	private static final String[] LAST = { "martin", "okafor", "nguyen", "volkov", "schmidt", "kim", "ali", "petrov",
			"jones", "murphy", "garcia", "rossi", "haddad", "santos", "sato", "tanaka", "lefevre", "novak", "silva",
			"cohen", "larsen", "moreau" };

	private static final String[] SERVICES = { "ci-deploy", "terraform", "backup-agent", "metrics-exporter", "etl-job",
			"log-shipper", "report-export", "sftp-sync" };

	private static final String[][] KEY_USE = { { "s3", "us-east-1" }, { "ec2", "us-east-1" },
			{ "dynamodb", "eu-west-1" }, { "sqs", "us-east-1" }, { "iam", "us-east-1" }, { "ecr", "eu-west-1" },
			{ "lambda", "us-west-2" } };

	private SyntheticIam() {
	}

	/** The root user: MFA for most accounts, a few with none or with access keys. */
	static RootSpec root(Random rnd, boolean management) {
		String mfa = management ? "HARDWARE" : switch (rnd.nextInt(20)) {
			case 0, 1 -> "NONE";
			case 2 -> "HARDWARE";
			default -> "VIRTUAL";
		};
		Integer lastUsed = rnd.nextInt(10) < 7 ? null : rnd.nextInt(400);
		List<KeySpec> keys = rnd.nextInt(50) == 0 ? List.of(key(rnd, 2000)) : List.of();
		return new RootSpec(mfa, lastUsed, keys);
	}

	/** User {@code index} of an account (names are unique within the account). */
	static UserSpec user(long seed, String accountId, int index) {
		Random rnd = new Random(Mix.mix(seed ^ Mix.hash(accountId + "/user/" + index)));
		int age = 10 + rnd.nextInt(1800);
		if (rnd.nextInt(10) < 7) {
			String name = FIRST[rnd.nextInt(FIRST.length)] + "." + LAST[rnd.nextInt(LAST.length)] + "." + index;
			int changed = rnd.nextInt(Math.min(age, 500) + 1);
			Integer lastUsed = rnd.nextInt(100) < 15 ? null : rnd.nextInt(Math.min(age, 120) + 1);
			boolean mfa = rnd.nextInt(100) < 78;
			List<KeySpec> keys = rnd.nextInt(100) < 15 ? List.of(key(rnd, age)) : List.of();
			String group = switch (rnd.nextInt(10)) {
				case 0 -> "Administrators";
				case 1, 2, 3, 4, 5 -> "Developers";
				default -> "ReadOnly";
			};
			return new UserSpec(name, age, new PasswordSpec(changed, lastUsed), mfa, keys, List.of(group), List.of());
		}
		String name = SERVICES[rnd.nextInt(SERVICES.length)] + "-" + index;
		List<KeySpec> keys = new ArrayList<>();
		keys.add(key(rnd, age));
		if (rnd.nextInt(5) == 0) {
			keys.add(key(rnd, age));
		}
		return new UserSpec(name, age, null, false, keys, List.of(),
				List.of(rnd.nextBoolean() ? "ReadOnlyAccess" : "PowerUserAccess"));
	}

	private static KeySpec key(Random rnd, int maxAge) {
		int age = 1 + rnd.nextInt(Math.max(1, maxAge));
		boolean active = rnd.nextInt(10) != 0;
		Integer lastUsed = rnd.nextInt(5) == 0 ? null : rnd.nextInt(Math.min(age, 100) + 1);
		String[] use = KEY_USE[rnd.nextInt(KEY_USE.length)];
		return new KeySpec(age, active, lastUsed, lastUsed == null ? null : use[0], lastUsed == null ? null : use[1]);
	}

}
