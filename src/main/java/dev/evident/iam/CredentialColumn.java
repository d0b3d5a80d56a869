package dev.evident.iam;

import java.util.Locale;

/** The columns of an IAM credential report, in AWS's order, with the type of each. */
public enum CredentialColumn {

	USER(Type.TEXT), ARN(Type.TEXT), USER_CREATION_TIME(Type.TIMESTAMP), PASSWORD_ENABLED(Type.FLAG),
	PASSWORD_LAST_USED(Type.TIMESTAMP), PASSWORD_LAST_CHANGED(Type.TIMESTAMP), PASSWORD_NEXT_ROTATION(Type.TIMESTAMP),
	MFA_ACTIVE(Type.FLAG), ACCESS_KEY_1_ACTIVE(Type.FLAG), ACCESS_KEY_1_LAST_ROTATED(Type.TIMESTAMP),
	ACCESS_KEY_1_LAST_USED_DATE(Type.TIMESTAMP), ACCESS_KEY_1_LAST_USED_REGION(Type.TEXT),
	ACCESS_KEY_1_LAST_USED_SERVICE(Type.TEXT), ACCESS_KEY_2_ACTIVE(Type.FLAG),
	ACCESS_KEY_2_LAST_ROTATED(Type.TIMESTAMP), ACCESS_KEY_2_LAST_USED_DATE(Type.TIMESTAMP),
	ACCESS_KEY_2_LAST_USED_REGION(Type.TEXT), ACCESS_KEY_2_LAST_USED_SERVICE(Type.TEXT), CERT_1_ACTIVE(Type.FLAG),
	CERT_1_LAST_ROTATED(Type.TIMESTAMP), CERT_2_ACTIVE(Type.FLAG), CERT_2_LAST_ROTATED(Type.TIMESTAMP);

	private final Type type;

	CredentialColumn(Type type) {
		this.type = type;
	}

	public Type type() {
		return type;
	}

	/** The header name in the CSV, which is also the store's column name. */
	public String header() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The store's column for this field ({@code user} is {@code user_name} there). */
	public String column() {
		return this == USER ? "user_name" : header();
	}

	/** How a cell is typed. */
	public enum Type {

		TEXT, FLAG, TIMESTAMP

	}

}
