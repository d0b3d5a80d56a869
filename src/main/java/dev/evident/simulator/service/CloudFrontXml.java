package dev.evident.simulator.service;

import dev.evident.simulator.model.Distribution;
import dev.evident.simulator.server.XmlWriter;

/**
 * CloudFront's DistributionSummary as REST-XML writes it: every member the model
 * requires, lists as {@code <Quantity>} and {@code <Items>} of their locationName.
 */
final class CloudFrontXml {

	/** The id of the managed cache policy CachingOptimized. */
	static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

	private CloudFrontXml() {
	}

	static void summary(XmlWriter xml, Distribution d) {
		xml.start("DistributionSummary")
			.element("Id", d.id())
			.element("ARN", d.arn())
			.element("Status", "Deployed")
			.time("LastModifiedTime", d.lastModifiedTime())
			.element("DomainName", d.domainName())
			.start("Aliases")
			.element("Quantity", d.aliases().size());
		if (!d.aliases().isEmpty()) {
			xml.start("Items");
			d.aliases().forEach(alias -> xml.element("CNAME", alias));
			xml.end();
		}
		xml.end().start("Origins").element("Quantity", 1).start("Items");
		origin(xml, d.origin());
		xml.end()
			.end()
			.start("OriginGroups")
			.element("Quantity", 0)
			.end()
			.start("DefaultCacheBehavior")
			.element("TargetOriginId", d.origin().id())
			.start("TrustedSigners")
			.element("Enabled", false)
			.element("Quantity", 0)
			.end()
			.start("TrustedKeyGroups")
			.element("Enabled", false)
			.element("Quantity", 0)
			.end()
			.element("ViewerProtocolPolicy", d.viewerProtocolPolicy())
			.start("AllowedMethods");
		methods(xml);
		xml.start("CachedMethods");
		methods(xml);
		xml.end()
			.end()
			.element("SmoothStreaming", false)
			.element("Compress", true)
			.start("LambdaFunctionAssociations")
			.element("Quantity", 0)
			.end()
			.start("FunctionAssociations")
			.element("Quantity", 0)
			.end()
			.element("FieldLevelEncryptionId", "")
			.element("CachePolicyId", CACHING_OPTIMIZED)
			.end()
			.start("CacheBehaviors")
			.element("Quantity", 0)
			.end()
			.start("CustomErrorResponses")
			.element("Quantity", 0)
			.end()
			.element("Comment", d.comment())
			.element("PriceClass", "PriceClass_All")
			.element("Enabled", d.enabled())
			.start("ViewerCertificate");
		if (d.certificateArn() == null) {
			xml.element("CloudFrontDefaultCertificate", true)
				.element("SSLSupportMethod", "vip")
				.element("MinimumProtocolVersion", d.minimumProtocolVersion())
				.element("CertificateSource", "cloudfront");
		}
		else {
			xml.element("CloudFrontDefaultCertificate", false)
				.element("ACMCertificateArn", d.certificateArn())
				.element("SSLSupportMethod", "sni-only")
				.element("MinimumProtocolVersion", d.minimumProtocolVersion())
				.element("Certificate", d.certificateArn())
				.element("CertificateSource", "acm");
		}
		xml.end()
			.start("Restrictions")
			.start("GeoRestriction")
			.element("RestrictionType", "none")
			.element("Quantity", 0)
			.end()
			.end()
			.element("WebACLId", d.webAclId())
			.element("HttpVersion", "http2")
			.element("IsIPV6Enabled", true)
			.element("Staging", false)
			.end();
	}

	private static void origin(XmlWriter xml, Distribution.Origin origin) {
		xml.start("Origin")
			.element("Id", origin.id())
			.element("DomainName", origin.domainName())
			.element("OriginPath", "")
			.start("CustomHeaders")
			.element("Quantity", 0)
			.end();
		if (origin.s3()) {
			xml.start("S3OriginConfig").element("OriginAccessIdentity", "").end();
		}
		else {
			xml.start("CustomOriginConfig")
				.element("HTTPPort", 80)
				.element("HTTPSPort", 443)
				.element("OriginProtocolPolicy", "https-only")
				.start("OriginSslProtocols")
				.element("Quantity", 1)
				.start("Items")
				.element("SslProtocol", "TLSv1.2")
				.end()
				.end()
				.element("OriginReadTimeout", 30)
				.element("OriginKeepaliveTimeout", 5)
				.end();
		}
		xml.element("ConnectionAttempts", 3)
			.element("ConnectionTimeout", 10)
			.start("OriginShield")
			.element("Enabled", false)
			.end()
			.element("OriginAccessControlId", "")
			.end();
	}

	/** GET and HEAD, as a distribution is created by default. */
	private static void methods(XmlWriter xml) {
		xml.element("Quantity", 2).start("Items").element("Method", "HEAD").element("Method", "GET").end();
	}

}
