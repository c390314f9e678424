-- Why: everything the ingest job knows lives here, never only in memory, so that a run can be
-- restarted from any point: the run and its business time, the files it claimed (and where each
-- one ended), every return it read (accepted, rejected, superseded) with its values, and every
-- problem found, which the errors files and the console are written from.

-- A run's business identity: the job instance is keyed by run_id, never by a timestamp.
create table ingest_run (
    run_id        bigint        not null auto_increment,
    root_dir      varchar(1000) not null,
    as_of         datetime      not null,   -- business time, Asia/Shanghai local time
    created_at    datetime      not null,   -- wall clock, Asia/Shanghai local time
    host          varchar(255),
    pid           bigint,
    heartbeat_at  datetime,
    primary key (run_id)
);

create table inbox_file (
    file_id          bigint        not null auto_increment,
    run_id           bigint        not null,
    seq              int           not null,   -- order within the run: file name, then path
    relative_path    varchar(700)  not null,   -- path under inbox/, with forward slashes
    file_name        varchar(255)  not null,
    size_bytes       bigint        not null,
    sha256           char(64)      not null,
    state            varchar(12)   not null,   -- CLAIMED, VALIDATED, ACCEPTED, FILED
    outcome          varchar(12),              -- ARCHIVED or REJECTED, once decided
    duplicate_of     bigint,                   -- an earlier file with the same content whose returns were accepted
    encoding         varchar(20),
    layout           varchar(10),
    returns_total    int,
    returns_accepted int,
    returns_rejected int,
    final_path       varchar(1000),            -- relative to the root, once filed away
    primary key (file_id),
    constraint uq_inbox_file_run_path unique (run_id, relative_path)
);
create index ix_inbox_file_run_state on inbox_file (run_id, state, seq);
create index ix_inbox_file_sha on inbox_file (sha256);

-- One row per return read from a file. state: STAGED (valid, waiting for acceptance), REJECTED,
-- CURRENT (the accepted return in force for its village and period), SUPERSEDED (accepted, then
-- replaced by a later one), DUPLICATE (valid, but its file was a duplicate).
create table submission (
    submission_id  bigint        not null,             -- allocated in blocks from id_sequence
    file_id        bigint        not null,
    run_id         bigint        not null,
    line_no        int           not null,
    village_code   varchar(64)   not null,
    period         char(7),
    period_text    varchar(64),
    village_name   varchar(100),
    received_at    datetime      not null,
    state          varchar(12)   not null,
    superseded_by  bigint,
    error_count    int           not null,
    warning_count  int           not null,
    primary key (submission_id)
);
create index ix_submission_file on submission (file_id, line_no);
create index ix_submission_key on submission (village_code, period);
create index ix_submission_run_state on submission (run_id, state);

-- Values of valid returns only; a missing value has no row (missing is not zero).
create table submission_value (
    submission_id  bigint        not null,
    indicator_code varchar(40)   not null,
    val            decimal(20,2) not null,
    line_no        int           not null,
    note           varchar(500),
    primary key (submission_id, indicator_code)
);

-- The accepted return in force for each village and period, and when the first accepted
-- return for it was received (timeliness counts the first one, corrections do not move it).
create table current_return (
    village_code      char(12) not null,
    period            char(7)  not null,
    submission_id     bigint   not null,
    first_received_at datetime not null,
    primary key (village_code, period)
);
create index ix_current_return_period on current_return (period, village_code);

create table problem (
    problem_id     bigint        not null auto_increment,
    file_id        bigint        not null,
    submission_id  bigint,                    -- null for a problem of the whole file
    line_no        int,
    column_name    varchar(200),
    cell_value     varchar(500),
    rule_code      varchar(30)   not null,
    severity       varchar(10)   not null,
    message_zh     varchar(1000) not null,
    message_en     varchar(1000) not null,
    primary key (problem_id)
);
create index ix_problem_file on problem (file_id, line_no);

-- Periods whose returns a run accepted: what its aggregation and flagging steps recompute.
create table run_period (
    run_id  bigint  not null,
    period  char(7) not null,
    primary key (run_id, period)
);

-- Ids allocated in blocks, so that rows and the values that refer to them go in batched inserts.
create table id_sequence (
    sequence_name varchar(40) not null,
    next_value    bigint      not null,
    primary key (sequence_name)
);
insert into id_sequence (sequence_name, next_value) values ('submission', 1);
