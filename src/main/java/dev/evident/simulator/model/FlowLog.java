package dev.evident.simulator.model;

import java.time.Instant;

/**
 * A VPC flow log.
 *
 * @param resourceId the VPC it logs
 * @param flowLogStatus ACTIVE
 * @param deliverLogsStatus SUCCESS or FAILED
 * @param deliverLogsErrorMessage why delivery failed, or null
 * @param trafficType ALL, ACCEPT or REJECT
 * @param logDestinationType cloud-watch-logs or s3
 * @param logDestination the log group's or the bucket's ARN
 * @param logGroupName the log group (cloud-watch-logs only), or null
 * @param deliverLogsPermissionArn the role that publishes to CloudWatch Logs, or null
 */
public record FlowLog(String flowLogId, String resourceId, String flowLogStatus, String deliverLogsStatus,
		String deliverLogsErrorMessage, String trafficType, String logDestinationType, String logDestination,
		String logGroupName, String deliverLogsPermissionArn, Instant creationTime) {
}
