package dev.evident.simulator.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic set of resources (EC2 instances, ECR images, Lambda functions) of one
 * account and region.
 */
final class ResourcePool {

	record Resource(String type, String id) {
	}

	private static final String[] REPOS = { "payments-api", "web-frontend", "batch-worker", "auth-service" };

	private static final String[] FUNCTIONS = { "invoice-render", "thumbnail-resize", "audit-export" };

	private final List<Resource> ec2 = new ArrayList<>();

	private final List<Resource> ecr = new ArrayList<>();

	private final List<Resource> lambda = new ArrayList<>();

	ResourcePool(String account, String region, Random rnd) {
		for (int i = 0; i < 6; i++) {
			ec2.add(new Resource("AWS_EC2_INSTANCE", String.format("i-0%016x", rnd.nextLong() & 0xffffffffffffL)));
		}
		for (String repo : REPOS) {
			String digest = Ids.hex(account + region + repo + rnd.nextInt(), 64);
			ecr.add(new Resource("AWS_ECR_CONTAINER_IMAGE",
					"arn:aws:ecr:" + region + ":" + account + ":repository/" + repo + "/sha256:" + digest));
		}
		for (String fn : FUNCTIONS) {
			lambda.add(new Resource("AWS_LAMBDA_FUNCTION",
					"arn:aws:lambda:" + region + ":" + account + ":function:" + fn + ":$LATEST"));
		}
	}

	Resource ec2(Random rnd) {
		return ec2.get(rnd.nextInt(ec2.size()));
	}

	Resource lambda(Random rnd) {
		return lambda.get(rnd.nextInt(lambda.size()));
	}

	Resource any(Random rnd) {
		int n = rnd.nextInt(ec2.size() + ecr.size() + lambda.size());
		if (n < ec2.size()) {
			return ec2.get(n);
		}
		n -= ec2.size();
		return n < ecr.size() ? ecr.get(n) : lambda.get(n - ecr.size());
	}

}
