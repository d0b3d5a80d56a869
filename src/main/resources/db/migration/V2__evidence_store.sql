-- The evidence store. Every row belongs to one run; every key starts with run_id, so that a
-- restarted step can replace exactly what it wrote before and history across quarters is kept.
-- Instants are TIMESTAMP WITH TIME ZONE; values that AWS reports as text (credential report
-- cells such as N/A or no_information) are kept as the canonical text and typed in Java.

CREATE TABLE ev_run (
    run_id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    period                VARCHAR(7)   NOT NULL,
    as_of                 TIMESTAMP WITH TIME ZONE NOT NULL,
    source                VARCHAR(16)  NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    org_id                VARCHAR(64),
    management_account_id VARCHAR(12),
    caller_account_id     VARCHAR(12)
);

CREATE TABLE ev_organization (
    run_id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id                VARCHAR(64)  NOT NULL,
    arn                   VARCHAR(256) NOT NULL,
    feature_set           VARCHAR(32)  NOT NULL,
    management_account_id VARCHAR(12)  NOT NULL,
    management_email      VARCHAR(320),
    root_id               VARCHAR(64)  NOT NULL,
    scp_enabled           BOOLEAN      NOT NULL
);

CREATE TABLE ev_org_unit (
    run_id    VARCHAR(64)   NOT NULL,
    ou_id     VARCHAR(64)   NOT NULL,
    name      VARCHAR(1024) NOT NULL,
    parent_id VARCHAR(64)   NOT NULL,
    path      VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, ou_id)
);

CREATE TABLE ev_account (
    run_id        VARCHAR(64)   NOT NULL,
    account_id    VARCHAR(12)   NOT NULL,
    name          VARCHAR(1024) NOT NULL,
    email         VARCHAR(320),
    status        VARCHAR(32)   NOT NULL,
    joined_method VARCHAR(32),
    joined_at     TIMESTAMP WITH TIME ZONE,
    parent_id     VARCHAR(64)   NOT NULL,
    ou_path       VARCHAR(4000) NOT NULL,
    management    BOOLEAN       NOT NULL,
    in_scope      BOOLEAN       NOT NULL,
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE ev_delegated_admin (
    run_id            VARCHAR(64)   NOT NULL,
    account_id        VARCHAR(12)   NOT NULL,
    service_principal VARCHAR(256)  NOT NULL,
    name              VARCHAR(1024),
    delegated_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, account_id, service_principal)
);

CREATE TABLE ev_policy (
    run_id      VARCHAR(64)   NOT NULL,
    policy_id   VARCHAR(128)  NOT NULL,
    name        VARCHAR(1024) NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    aws_managed BOOLEAN       NOT NULL,
    description VARCHAR(4000),
    content     TEXT,
    PRIMARY KEY (run_id, policy_id)
);

CREATE TABLE ev_policy_target (
    run_id      VARCHAR(64)   NOT NULL,
    policy_id   VARCHAR(128)  NOT NULL,
    target_id   VARCHAR(64)   NOT NULL,
    target_type VARCHAR(32)   NOT NULL,
    target_name VARCHAR(1024),
    PRIMARY KEY (run_id, policy_id, target_id)
);

CREATE TABLE ev_credential_report_row (
    run_id                           VARCHAR(64)   NOT NULL,
    account_id                       VARCHAR(12)   NOT NULL,
    user_name                        VARCHAR(256)  NOT NULL,
    arn                              VARCHAR(1024) NOT NULL,
    user_creation_time               VARCHAR(40),
    password_enabled                 VARCHAR(16),
    password_last_used               VARCHAR(40),
    password_last_changed            VARCHAR(40),
    password_next_rotation           VARCHAR(40),
    mfa_active                       VARCHAR(16),
    access_key_1_active              VARCHAR(16),
    access_key_1_last_rotated        VARCHAR(40),
    access_key_1_last_used_date      VARCHAR(40),
    access_key_1_last_used_region    VARCHAR(40),
    access_key_1_last_used_service   VARCHAR(128),
    access_key_2_active              VARCHAR(16),
    access_key_2_last_rotated        VARCHAR(40),
    access_key_2_last_used_date      VARCHAR(40),
    access_key_2_last_used_region    VARCHAR(40),
    access_key_2_last_used_service   VARCHAR(128),
    cert_1_active                    VARCHAR(16),
    cert_1_last_rotated              VARCHAR(40),
    cert_2_active                    VARCHAR(16),
    cert_2_last_rotated              VARCHAR(40),
    PRIMARY KEY (run_id, account_id, user_name)
);

CREATE TABLE ev_account_summary (
    run_id     VARCHAR(64) NOT NULL,
    account_id VARCHAR(12) NOT NULL,
    summary_key   VARCHAR(64) NOT NULL,
    summary_value BIGINT      NOT NULL,
    PRIMARY KEY (run_id, account_id, summary_key)
);

-- One row per collected account: present = FALSE records that the account has no password policy.
CREATE TABLE ev_password_policy (
    run_id                     VARCHAR(64) NOT NULL,
    account_id                 VARCHAR(12) NOT NULL,
    present                    BOOLEAN     NOT NULL,
    minimum_length             INTEGER,
    require_symbols            BOOLEAN,
    require_numbers            BOOLEAN,
    require_uppercase          BOOLEAN,
    require_lowercase          BOOLEAN,
    allow_users_to_change      BOOLEAN,
    expire_passwords           BOOLEAN,
    max_age_days               INTEGER,
    reuse_prevention           INTEGER,
    hard_expiry                BOOLEAN,
    PRIMARY KEY (run_id, account_id)
);

CREATE TABLE ev_mfa_device (
    run_id        VARCHAR(64)   NOT NULL,
    account_id    VARCHAR(12)   NOT NULL,
    serial_number VARCHAR(512)  NOT NULL,
    user_arn      VARCHAR(1024),
    enabled_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, account_id, serial_number)
);

CREATE TABLE ev_account_alias (
    run_id     VARCHAR(64)  NOT NULL,
    account_id VARCHAR(12)  NOT NULL,
    alias      VARCHAR(128) NOT NULL,
    PRIMARY KEY (run_id, account_id, alias)
);

-- Users, groups and roles from GetAccountAuthorizationDetails, with what the least-privilege
-- checks need already derived from the policy documents kept beside them.
CREATE TABLE ev_iam_principal (
    run_id              VARCHAR(64)   NOT NULL,
    account_id          VARCHAR(12)   NOT NULL,
    type                VARCHAR(8)    NOT NULL,
    name                VARCHAR(256)  NOT NULL,
    arn                 VARCHAR(1024) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE,
    groups_list         VARCHAR(4000),
    attached_policies   TEXT,
    inline_policies     TEXT,
    trust_policy        TEXT,
    direct_permissions  BOOLEAN       NOT NULL,
    full_admin          BOOLEAN       NOT NULL,
    full_admin_via      VARCHAR(4000),
    service_role        BOOLEAN       NOT NULL,
    human_assumable     BOOLEAN       NOT NULL,
    trusted_principals  VARCHAR(4000),
    PRIMARY KEY (run_id, account_id, type, name)
);

CREATE TABLE ev_iam_policy (
    run_id           VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(12)   NOT NULL,
    arn              VARCHAR(1024) NOT NULL,
    name             VARCHAR(256)  NOT NULL,
    attachment_count INTEGER,
    default_document TEXT,
    full_admin       BOOLEAN       NOT NULL,
    PRIMARY KEY (run_id, account_id, arn)
);

CREATE TABLE ev_inspector_coverage (
    run_id         VARCHAR(64)   NOT NULL,
    account_id     VARCHAR(12)   NOT NULL,
    region         VARCHAR(32)   NOT NULL,
    resource_id    VARCHAR(2048) NOT NULL,
    resource_type  VARCHAR(64)   NOT NULL,
    scan_type      VARCHAR(32),
    scan_status    VARCHAR(32),
    status_reason  VARCHAR(128),
    last_scanned_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, region, resource_id)
);

CREATE TABLE ev_inspector_account (
    run_id      VARCHAR(64) NOT NULL,
    account_id  VARCHAR(12) NOT NULL,
    region      VARCHAR(32) NOT NULL,
    state       VARCHAR(32) NOT NULL,
    ec2         VARCHAR(32),
    ecr         VARCHAR(32),
    lambda      VARCHAR(32),
    lambda_code VARCHAR(32),
    error_code  VARCHAR(64),
    PRIMARY KEY (run_id, account_id, region)
);

CREATE TABLE ev_finding (
    run_id            VARCHAR(64)   NOT NULL,
    finding_arn       VARCHAR(512)  NOT NULL,
    account_id        VARCHAR(12)   NOT NULL,
    region            VARCHAR(32)   NOT NULL,
    severity          VARCHAR(16)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    type              VARCHAR(32)   NOT NULL,
    title             VARCHAR(4000),
    vulnerability_id  VARCHAR(256),
    resource_type     VARCHAR(64),
    resource_id       VARCHAR(2048),
    inspector_score   DOUBLE PRECISION,
    fix_available     VARCHAR(16),
    exploit_available VARCHAR(16),
    first_observed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_observed_at  TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, finding_arn)
);
CREATE INDEX ev_finding_account ON ev_finding (run_id, account_id, severity, status);

CREATE TABLE ev_artifact_report (
    run_id          VARCHAR(64)   NOT NULL,
    report_id       VARCHAR(128)  NOT NULL,
    name            VARCHAR(1024) NOT NULL,
    series          VARCHAR(256),
    category        VARCHAR(256),
    version         BIGINT,
    state           VARCHAR(32),
    period_start    TIMESTAMP WITH TIME ZONE,
    period_end      TIMESTAMP WITH TIME ZONE,
    document_path   VARCHAR(1024),
    document_sha256 VARCHAR(64),
    document_size   BIGINT,
    PRIMARY KEY (run_id, report_id)
);

CREATE TABLE ev_evidence_file (
    run_id       VARCHAR(64)   NOT NULL,
    path         VARCHAR(1024) NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    operation    VARCHAR(128)  NOT NULL,
    parameters   VARCHAR(4000),
    region       VARCHAR(32),
    account_id   VARCHAR(12),
    collected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, path)
);

CREATE TABLE ev_gap (
    run_id      VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(12)   NOT NULL,
    source      VARCHAR(64)   NOT NULL,
    error_code  VARCHAR(128)  NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, account_id, source)
);

CREATE TABLE ev_control (
    run_id         VARCHAR(64)   NOT NULL,
    control_id     VARCHAR(128)  NOT NULL,
    title          VARCHAR(1024) NOT NULL,
    objective      VARCHAR(4000) NOT NULL,
    responsibility VARCHAR(16)   NOT NULL,
    check_id       VARCHAR(128)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    PRIMARY KEY (run_id, control_id)
);

CREATE TABLE ev_framework (
    run_id       VARCHAR(64)   NOT NULL,
    framework_id VARCHAR(128)  NOT NULL,
    name         VARCHAR(1024) NOT NULL,
    version      VARCHAR(128),
    source       VARCHAR(2048),
    PRIMARY KEY (run_id, framework_id)
);

CREATE TABLE ev_framework_requirement (
    run_id         VARCHAR(64)   NOT NULL,
    framework_id   VARCHAR(128)  NOT NULL,
    requirement_id VARCHAR(128)  NOT NULL,
    position       INTEGER       NOT NULL,
    name           VARCHAR(2048) NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    controls       VARCHAR(4000),
    PRIMARY KEY (run_id, framework_id, requirement_id)
);

CREATE TABLE ev_control_result (
    run_id        VARCHAR(64)   NOT NULL,
    control_id    VARCHAR(128)  NOT NULL,
    account_id    VARCHAR(12)   NOT NULL,
    resource      VARCHAR(2048) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    reason        VARCHAR(4000) NOT NULL,
    evidence_refs VARCHAR(4000),
    PRIMARY KEY (run_id, control_id, account_id, resource)
);

-- One row per run scope (period, source, accounts, OUs, regions) while a process works on it, with a
-- heartbeat: a second process fails fast instead of running the same scope twice, and takes over
-- only when the heartbeat has stopped (the first process died).
CREATE TABLE ev_run_lock (
    scope_key    VARCHAR(512) NOT NULL PRIMARY KEY,
    owner        VARCHAR(256) NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
