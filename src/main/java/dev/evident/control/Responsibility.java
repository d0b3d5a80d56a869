package dev.evident.control;

/** Who carries a control under the AWS shared responsibility model. */
public enum Responsibility {

	/** Inherited from AWS, evidenced by AWS Artifact reports. */
	AWS,

	/** The customer's own. */
	CUSTOMER,

	/** Split between AWS and the customer. */
	SHARED

}
