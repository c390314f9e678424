-- Why: flags mark accepted data that needs a human look (spec section 7). Each carries its
-- evidence, so a clerk sees why it was raised, and its review. A flag is never deleted: one that
-- no longer holds after a correction is CLOSED; the key below identifies "the same flag" across
-- recomputations, and at most one flag per key is not CLOSED.

create table anomaly_flag (
    flag_id         bigint        not null auto_increment,
    period          char(7)       not null,
    org_level       varchar(10)   not null,   -- VILLAGE or TOWNSHIP
    org_code        varchar(12)   not null,
    indicator_code  varchar(40)   not null,   -- '' for a flag on a whole return or a village
    rule_code       varchar(30)   not null,
    severity        varchar(10)   not null,   -- HIGH, MEDIUM, LOW
    observed        decimal(24,4),
    expected_low    decimal(24,4),
    expected_high   decimal(24,4),
    score           decimal(24,4),            -- null when infinite (see score_infinity) or not numeric
    score_infinity  int           not null,   -- +1 or -1 for an infinite score, else 0
    message_zh      varchar(1000) not null,
    message_en      varchar(1000) not null,
    status          varchar(12)   not null,   -- OPEN, CONFIRMED, DISMISSED, CLOSED
    raised_run_id   bigint,
    raised_at       datetime      not null,   -- business time of the evaluation that raised it
    closed_at       datetime,
    review_note     varchar(1000),
    reviewed_by     varchar(100),
    reviewed_at     datetime,
    primary key (flag_id)
);
create index ix_anomaly_flag_key on anomaly_flag (period, org_code, rule_code, indicator_code);
create index ix_anomaly_flag_status on anomaly_flag (status, period);

-- The business time at which each period's flags were last evaluated: a run whose business
-- time has passed a period's due date since then re-evaluates it (MISSING_RETURN appears).
create table flag_evaluation (
    period        char(7)  not null,
    evaluated_as_of datetime not null,
    primary key (period)
);
