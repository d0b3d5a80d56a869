-- The report lists a bounded number of findings (the most severe, the oldest past their SLA)
-- and counts the rest. Sorting every finding of a large organization to pick those few took most
-- of the report's time at a million findings, so the candidates are picked while findings are
-- stored: per severity, the highest-scored and the first-observed ACTIVE findings (see
-- FindingShortlist). The report ranks only these, joined back to ev_finding.
CREATE TABLE ev_finding_shortlist (
    run_id      VARCHAR(64)  NOT NULL,
    finding_arn VARCHAR(512) NOT NULL,
    PRIMARY KEY (run_id, finding_arn)
);

-- The report's and the SLA check's counts (per account, status, severity, and first observed
-- before an SLA cutoff) read only this index, never the rows.
DROP INDEX ev_finding_account;
CREATE INDEX ev_finding_account ON ev_finding (run_id, account_id, status, severity, first_observed_at);
