-- EC2 network configuration, per run, account and region (the collectNetwork step): the
-- account's regions and whether each was collected, its VPCs and flow logs, its security
-- groups with one row per rule and source, and its network ACLs with their entries. Each
-- account's region is replaced as a whole when it is collected again.

CREATE TABLE ev_account_region (
    run_id         VARCHAR(64)   NOT NULL,
    account_id     VARCHAR(12)   NOT NULL,
    region         VARCHAR(32)   NOT NULL,
    opt_in_status  VARCHAR(32),
    status         VARCHAR(16)   NOT NULL,
    note           VARCHAR(1024),
    PRIMARY KEY (run_id, account_id, region)
);

CREATE TABLE ev_vpc (
    run_id      VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    region      VARCHAR(32)   NOT NULL,
    vpc_id      VARCHAR(64)   NOT NULL,
    cidr_block  VARCHAR(64),
    is_default  BOOLEAN       NOT NULL,
    name        VARCHAR(256),
    PRIMARY KEY (run_id, account_id, region, vpc_id)
);

CREATE TABLE ev_flow_log (
    run_id           VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(12)   NOT NULL,
    region           VARCHAR(32)   NOT NULL,
    flow_log_id      VARCHAR(64)   NOT NULL,
    resource_id      VARCHAR(64)   NOT NULL,
    status           VARCHAR(32),
    deliver_status   VARCHAR(32),
    traffic_type     VARCHAR(16),
    destination_type VARCHAR(32),
    destination      VARCHAR(2048),
    PRIMARY KEY (run_id, account_id, region, flow_log_id)
);

CREATE TABLE ev_security_group (
    run_id       VARCHAR(64)   NOT NULL,
    account_id   VARCHAR(12)   NOT NULL,
    region       VARCHAR(32)   NOT NULL,
    group_id     VARCHAR(64)   NOT NULL,
    group_name   VARCHAR(256)  NOT NULL,
    vpc_id       VARCHAR(64),
    description  VARCHAR(1024),
    PRIMARY KEY (run_id, account_id, region, group_id)
);

-- one row per permission and source: protocol '-1' is every protocol (no ports); source is
-- an IPv4 or IPv6 CIDR, a security group id or a prefix list id
CREATE TABLE ev_security_group_rule (
    run_id      VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    region      VARCHAR(32)   NOT NULL,
    group_id    VARCHAR(64)   NOT NULL,
    rule_index  INTEGER       NOT NULL,
    egress      BOOLEAN       NOT NULL,
    protocol    VARCHAR(16)   NOT NULL,
    from_port   INTEGER,
    to_port     INTEGER,
    source      VARCHAR(256)  NOT NULL,
    PRIMARY KEY (run_id, account_id, region, group_id, rule_index)
);

CREATE TABLE ev_network_acl (
    run_id      VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    region      VARCHAR(32)   NOT NULL,
    acl_id      VARCHAR(64)   NOT NULL,
    vpc_id      VARCHAR(64),
    is_default  BOOLEAN       NOT NULL,
    PRIMARY KEY (run_id, account_id, region, acl_id)
);

-- protocol is the IANA number ('6' tcp, '17' udp) or '-1' for all; ports only for tcp/udp
CREATE TABLE ev_network_acl_entry (
    run_id      VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    region      VARCHAR(32)   NOT NULL,
    acl_id      VARCHAR(64)   NOT NULL,
    egress      BOOLEAN       NOT NULL,
    rule_number INTEGER       NOT NULL,
    protocol    VARCHAR(16)   NOT NULL,
    rule_action VARCHAR(8)    NOT NULL,
    cidr        VARCHAR(64)   NOT NULL,
    from_port   INTEGER,
    to_port     INTEGER,
    PRIMARY KEY (run_id, account_id, region, acl_id, egress, rule_number)
);
