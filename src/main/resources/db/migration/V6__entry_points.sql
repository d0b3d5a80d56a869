-- The entry points of each account (the collectEntryPoints step): load balancers with their
-- attributes and listeners, web ACLs with what they are associated with and their logging,
-- CloudFront distributions, and the Shield Advanced subscription with its protections. An
-- account is replaced as a whole when it is collected again; region is 'global' for
-- CloudFront and Shield, and a CLOUDFRONT web ACL is kept under us-east-1.

CREATE TABLE ev_load_balancer (
    run_id               VARCHAR(64)   NOT NULL,
    account_id           VARCHAR(12)   NOT NULL,
    region               VARCHAR(32)   NOT NULL,
    lb_arn               VARCHAR(512)  NOT NULL,
    name                 VARCHAR(256)  NOT NULL,
    lb_type              VARCHAR(16),
    scheme               VARCHAR(32),
    vpc_id               VARCHAR(64),
    dns_name             VARCHAR(512),
    drop_invalid_headers BOOLEAN,
    desync_mode          VARCHAR(16),
    access_logs          BOOLEAN,
    access_log_bucket    VARCHAR(256),
    PRIMARY KEY (run_id, lb_arn)
);

CREATE TABLE ev_listener (
    run_id         VARCHAR(64)   NOT NULL,
    account_id     VARCHAR(12)   NOT NULL,
    lb_arn         VARCHAR(512)  NOT NULL,
    listener_arn   VARCHAR(512)  NOT NULL,
    port           INTEGER       NOT NULL,
    protocol       VARCHAR(16),
    ssl_policy     VARCHAR(128),
    default_action VARCHAR(32),
    redirects_to   VARCHAR(16),
    PRIMARY KEY (run_id, listener_arn)
);

CREATE TABLE ev_web_acl (
    run_id           VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(12)   NOT NULL,
    region           VARCHAR(32)   NOT NULL,
    acl_arn          VARCHAR(512)  NOT NULL,
    acl_id           VARCHAR(128)  NOT NULL,
    name             VARCHAR(256)  NOT NULL,
    scope            VARCHAR(16)   NOT NULL,
    rules            INTEGER       NOT NULL,
    rate_based_rules INTEGER       NOT NULL,
    managed_groups   VARCHAR(4000),
    default_action   VARCHAR(16),
    logging          VARCHAR(4000),
    PRIMARY KEY (run_id, acl_arn)
);

CREATE TABLE ev_web_acl_resource (
    run_id       VARCHAR(64)   NOT NULL,
    account_id   VARCHAR(12)   NOT NULL,
    acl_arn      VARCHAR(512)  NOT NULL,
    resource_arn VARCHAR(512)  NOT NULL,
    PRIMARY KEY (run_id, acl_arn, resource_arn)
);

CREATE TABLE ev_distribution (
    run_id                 VARCHAR(64)   NOT NULL,
    account_id             VARCHAR(12)   NOT NULL,
    distribution_id        VARCHAR(64)   NOT NULL,
    arn                    VARCHAR(512),
    domain_name            VARCHAR(512),
    enabled                BOOLEAN       NOT NULL,
    web_acl_id             VARCHAR(512),
    viewer_protocol_policy VARCHAR(32),
    PRIMARY KEY (run_id, account_id, distribution_id)
);

CREATE TABLE ev_shield_subscription (
    run_id               VARCHAR(64)   NOT NULL,
    account_id           VARCHAR(12)   NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    auto_renew           VARCHAR(16),
    proactive_engagement VARCHAR(16),
    drt_role_arn         VARCHAR(512),
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE ev_shield_protection (
    run_id        VARCHAR(64)   NOT NULL,
    account_id    VARCHAR(12)   NOT NULL,
    protection_id VARCHAR(128)  NOT NULL,
    name          VARCHAR(256),
    resource_arn  VARCHAR(512)  NOT NULL,
    PRIMARY KEY (run_id, account_id, protection_id)
);
