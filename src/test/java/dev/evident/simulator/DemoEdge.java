package dev.evident.simulator;

/**
 * The demo organization's entry points: ids and ARNs derived from the accounts, regions
 * and names of {@code demo/organization.yaml}, stable across starts (collectors' tests
 * assert them too).
 */
final class DemoEdge {

	static final String WEB = "555555555555";

	static final String PAYMENTS = "444444444444";

	static final String WEB_PUBLIC = "arn:aws:elasticloadbalancing:us-east-1:555555555555:loadbalancer/app/web-public/bf6c2523353ab879";

	static final String WEB_PUBLIC_DNS = "web-public-7200437562.us-east-1.elb.amazonaws.com";

	static final String WEB_PUBLIC_HTTPS = "arn:aws:elasticloadbalancing:us-east-1:555555555555:listener/app/web-public/bf6c2523353ab879/6e60ee30f69c2134";

	static final String WEB_PUBLIC_HTTP = "arn:aws:elasticloadbalancing:us-east-1:555555555555:listener/app/web-public/bf6c2523353ab879/0d48081ee5b2a911";

	static final String WEB_LEGACY = "arn:aws:elasticloadbalancing:us-east-1:555555555555:loadbalancer/app/web-legacy/ea0761a11bb9c382";

	static final String WEB_LEGACY_HTTP = "arn:aws:elasticloadbalancing:us-east-1:555555555555:listener/app/web-legacy/ea0761a11bb9c382/6b788b01ee07fa75";

	static final String WEB_INTERNAL = "arn:aws:elasticloadbalancing:us-east-1:555555555555:loadbalancer/app/web-internal/65e4776c446b25df";

	static final String PAYMENTS_API = "arn:aws:elasticloadbalancing:us-east-1:444444444444:loadbalancer/app/payments-api/da6448d6d7715783";

	static final String PAYMENTS_API_HTTPS = "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener/app/payments-api/da6448d6d7715783/894db6bc039e8717";

	static final String PAYMENTS_NLB = "arn:aws:elasticloadbalancing:us-east-1:444444444444:loadbalancer/net/payments-nlb/ef234da4d676a6d7";

	static final String PAYMENTS_NLB_TCP = "arn:aws:elasticloadbalancing:us-east-1:444444444444:listener/net/payments-nlb/ef234da4d676a6d7/1b043983a05cf4be";

	static final String PAYMENTS_NLB_EIP_A = "eipalloc-7e98dddeb61d2662f";

	static final String PAYMENTS_NLB_EIP_B = "eipalloc-b0b22d9bfc5c20e4d";

	static final String WEB_PROTECTION_ID = "d090597c-7785-50dc-0061-8239f10cd815";

	static final String WEB_PROTECTION = "arn:aws:wafv2:us-east-1:555555555555:regional/webacl/web-protection/"
			+ WEB_PROTECTION_ID;

	static final String UNUSED_ACL_ID = "600f9bfa-7590-2396-aa72-0bb5a1db8e91";

	static final String UNUSED_ACL = "arn:aws:wafv2:us-east-1:555555555555:regional/webacl/unused-acl/" + UNUSED_ACL_ID;

	static final String EDGE_PROTECTION_ID = "11a61e4e-d99b-1e79-2492-f64526dcfd6a";

	static final String EDGE_PROTECTION = "arn:aws:wafv2:us-east-1:555555555555:global/webacl/edge-protection/"
			+ EDGE_PROTECTION_ID;

	static final String PAYMENTS_WAF_ID = "22dd6e0b-b07b-1018-0763-ea16f91f94a9";

	static final String PAYMENTS_WAF = "arn:aws:wafv2:us-east-1:444444444444:regional/webacl/payments-waf/"
			+ PAYMENTS_WAF_ID;

	static final String D_WEB = "EAYLLJ23UZLXUK";

	static final String D_ASSETS = "EX6SPOEPWAB76V";

	static final String WEB_PUBLIC_PROTECTION = "67109dca-2af2-1e21-734f-2c71cbcd5ac6";

	static final String PAYMENTS_API_PROTECTION = "304cc794-3257-a531-fd8a-9b8b15855222";

	static final String PAYMENTS_NLB_PROTECTION_A = "841d76cb-7c7a-c690-91be-4124084e9d8c";

	static final String PAYMENTS_NLB_PROTECTION_B = "75122959-3163-0ad8-4d3c-a656c25c5e25";

	/**
	 * What the query and JSON services answer from a region the account did not opt in
	 * to.
	 */
	static final String TOKEN_INVALID = "The security token included in the request is invalid";

	private DemoEdge() {
	}

}
