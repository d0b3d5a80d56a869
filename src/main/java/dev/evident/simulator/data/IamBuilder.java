package dev.evident.simulator.data;

import dev.evident.simulator.data.DataFile.AccountSpec;
import dev.evident.simulator.data.DataFile.KeySpec;
import dev.evident.simulator.model.AccessKey;
import dev.evident.simulator.model.IamAccount;
import dev.evident.simulator.model.IamUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expands one account's IAM section into an {@link IamAccount}. */
final class IamBuilder {

	private final AccountSpec spec;

	private final DataFile file;

	private final Instant ref;

	private final boolean member;

	private final String acct;

	private final Map<String, Integer> attachments = new LinkedHashMap<>();

	IamBuilder(AccountSpec spec, DataFile file, Instant ref, boolean member) {
		this.spec = spec;
		this.file = file;
		this.ref = ref;
		this.member = member;
		this.acct = spec.id();
	}

	IamAccount build() {
		Instant created = Ids.daysAgo(ref, spec.joinedAgeDays(), "created" + acct);
		var rootSpec = spec.root();
		var root = new IamAccount.Root(created, rootSpec.mfa().toUpperCase(),
				at(rootSpec.passwordLastUsedDaysAgo(), "rootpw" + acct), keys(rootSpec.accessKeys(), "root"));

		List<IamAccount.Group> groups = new ArrayList<>();
		for (var g : spec.groups()) {
			groups.add(new IamAccount.Group(g.name(), Ids.of("AGPA", acct + "group" + g.name(), 17),
					"arn:aws:iam::" + acct + ":group/" + g.name(), Ids.daysAgo(ref, spec.joinedAgeDays() / 2, g.name()),
					attach(g.policies())));
		}
		List<DataFile.RoleSpec> roleSpecs = new ArrayList<>(member ? file.memberAccountRoles() : List.of());
		roleSpecs.addAll(spec.roles());
		List<IamAccount.Role> roles = new ArrayList<>();
		for (var r : roleSpecs) {
			String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
					+ "\"arn:aws:iam::" + r.trustedAccount() + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
			roles.add(new IamAccount.Role(r.name(), Ids.of("AROA", acct + "role" + r.name(), 17),
					"arn:aws:iam::" + acct + ":role/" + r.name(), Ids.daysAgo(ref, spec.joinedAgeDays(), r.name()),
					trust, attach(r.policies()), at(r.lastUsedDaysAgo(), "roleused" + r.name())));
		}
		List<IamUser> users = new ArrayList<>();
		for (var u : spec.users()) {
			var pw = u.password();
			users.add(new IamUser(acct, u.name(), Ids.of("AIDA", acct + "user" + u.name(), 17),
					"arn:aws:iam::" + acct + ":user/" + u.name(), "/", Ids.daysAgo(ref, u.ageDays(), "user" + u.name()),
					pw == null ? null : Ids.daysAgo(ref, pw.changedDaysAgo(), "pwchanged" + u.name()),
					pw == null ? null : at(pw.lastUsedDaysAgo(), "pwused" + u.name()), u.mfa(),
					keys(u.keys(), u.name()), List.copyOf(u.groups()), attach(u.policies())));
		}
		return new IamAccount(acct, List.copyOf(spec.aliases()), root, passwordPolicy(), users, groups, roles,
				policies());
	}

	private IamAccount.PasswordPolicy passwordPolicy() {
		String name = spec.passwordPolicy();
		if (name == null || name.equalsIgnoreCase("none")) {
			return null;
		}
		var p = DataLoader.require(file.passwordPolicies().get(name), "password policy " + name);
		return new IamAccount.PasswordPolicy(p.minimumPasswordLength(), p.requireSymbols(), p.requireNumbers(),
				p.requireUppercaseCharacters(), p.requireLowercaseCharacters(), p.allowUsersToChangePassword(),
				p.maxPasswordAge(), p.passwordReusePrevention(), p.hardExpiry());
	}

	private List<AccessKey> keys(List<KeySpec> specs, String owner) {
		List<AccessKey> keys = new ArrayList<>();
		for (int i = 0; i < specs.size(); i++) {
			KeySpec k = specs.get(i);
			String salt = acct + owner + "key" + i;
			Instant lastUsed = at(k.lastUsedDaysAgo(), "used" + salt);
			keys.add(new AccessKey(Ids.of("AKIA", salt, 16), k.isActive(), Ids.daysAgo(ref, k.ageDays(), salt),
					lastUsed, lastUsed == null ? null : k.service(), lastUsed == null ? null : k.region()));
		}
		return keys;
	}

	private Instant at(Integer daysAgo, String salt) {
		return daysAgo == null ? null : Ids.daysAgo(ref, daysAgo, acct + salt);
	}

	/** Resolves policy names to ARNs and counts attachments. */
	private List<String> attach(List<String> names) {
		List<String> arns = new ArrayList<>();
		for (String name : names) {
			attachments.merge(name, 1, Integer::sum);
			arns.add(arnOf(name));
		}
		return arns;
	}

	private boolean local(String name) {
		return spec.managedPolicies().stream().anyMatch(p -> p.name().equals(name));
	}

	private String arnOf(String name) {
		return local(name) ? "arn:aws:iam::" + acct + ":policy/" + name : "arn:aws:iam::aws:policy/" + name;
	}

	private List<IamAccount.ManagedPolicy> policies() {
		List<IamAccount.ManagedPolicy> out = new ArrayList<>();
		for (var p : spec.managedPolicies()) {
			out.add(new IamAccount.ManagedPolicy(p.name(), Ids.of("ANPA", acct + "policy" + p.name(), 17),
					arnOf(p.name()), p.description(), false, Ids.daysAgo(ref, spec.joinedAgeDays() / 3, p.name()),
					p.document() == null ? PolicyBuilder.FULL_ACCESS_CONTENT : p.document().toString(),
					attachments.getOrDefault(p.name(), 0)));
		}
		attachments.forEach((name, count) -> {
			if (!local(name)) {
				String doc = name.equals("AdministratorAccess") ? PolicyBuilder.FULL_ACCESS_CONTENT
						: "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
								+ "[\"*:Describe*\",\"*:Get*\",\"*:List*\"],\"Resource\":\"*\"}]}";
				out.add(new IamAccount.ManagedPolicy(name, Ids.of("ANPA", "aws" + name, 17), arnOf(name),
						"AWS managed policy " + name, true, Ids.daysAgo(ref, 3000, name), doc, count));
			}
		});
		return out;
	}

}
