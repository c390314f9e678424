-- Why: each village also sends its ledger of household issues (spec section 12) through the same
-- inbox. Every row read is kept (ledger_row, like submission for returns: STAGED, REJECTED,
-- CURRENT, SUPERSEDED, DUPLICATE), so that a correction replaces an issue's state without
-- losing its history; ledger_issue is the state in force for each (village, issue number), what
-- the flags and the summary are computed from. Dates are calendar dates in Asia/Shanghai.

create table ledger_row (
    ledger_row_id          bigint        not null,   -- allocated in blocks from id_sequence
    file_id                bigint        not null,
    run_id                 bigint        not null,
    line_no                int           not null,
    village_code           varchar(64)   not null,
    issue_no               varchar(64)   not null,
    raised_on              date,
    category               varchar(20),
    summary                varchar(500),
    status                 varchar(20),
    escalated_township_on  date,
    escalated_county_on    date,
    resolved_on            date,
    received_at            datetime      not null,
    state                  varchar(12)   not null,
    superseded_by          bigint,
    primary key (ledger_row_id)
);
create index ix_ledger_row_file on ledger_row (file_id, line_no);
create index ix_ledger_row_run_state on ledger_row (run_id, state);
create index ix_ledger_row_issue on ledger_row (village_code, issue_no);

create table ledger_issue (
    village_code           char(12)      not null,
    issue_no               varchar(64)   not null,
    ledger_row_id          bigint        not null,
    township_code          char(9)       not null,
    period                 char(7)       not null,   -- month of raised_on: the flags' and the summary's period
    raised_on              date          not null,
    category               varchar(20)   not null,
    status                 varchar(20)   not null,
    escalated_township_on  date,
    escalated_county_on    date,
    resolved_on            date,
    primary key (village_code, issue_no)
);
create index ix_ledger_issue_period on ledger_issue (period, township_code);
create index ix_ledger_issue_status on ledger_issue (status, period);

-- Periods (months of raised_on) whose issues a run changed: what its flag step re-evaluates.
create table ledger_run_period (
    run_id  bigint  not null,
    period  char(7) not null,
    primary key (run_id, period)
);

insert into id_sequence (sequence_name, next_value) values ('ledger_row', 1);

alter table inbox_file add column ledger_rows_total int;
alter table inbox_file add column ledger_rows_accepted int;
alter table inbox_file add column ledger_rows_rejected int;

-- A flag about one issue names it here (its issue number); '' for every other flag. Two issues
-- of a village raised in the same month are two flags.
alter table anomaly_flag add column subject varchar(64) default '' not null;
