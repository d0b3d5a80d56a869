package dev.evident.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * A CloudFront distribution.
 *
 * @param comment its comment (the data file's name for it)
 * @param webAclId the ARN of its WAFv2 web ACL (CLOUDFRONT scope), or the empty string
 * @param viewerProtocolPolicy of its default cache behavior: {@code allow-all},
 * {@code https-only} or {@code redirect-to-https}
 * @param certificateArn the ACM certificate of its aliases, or null for the CloudFront
 * default certificate
 */
public record Distribution(String id, String arn, String domainName, String comment, boolean enabled,
		Instant lastModifiedTime, List<String> aliases, Origin origin, String viewerProtocolPolicy, String webAclId,
		String certificateArn, String minimumProtocolVersion) {

	public Distribution {
		aliases = List.copyOf(aliases);
	}

	/** Its single origin: an S3 bucket or a custom origin (a load balancer) by domain. */
	public record Origin(String id, String domainName, boolean s3) {
	}

}
