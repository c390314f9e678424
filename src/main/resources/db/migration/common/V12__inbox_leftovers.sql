-- Why: a file a run leaves in the inbox (still being written, hidden, temporary, an Office lock
-- file, a link, a FIFO) must never be ignored silently: the run's summary and `executions show`
-- name each with the reason, and the clerk or administrator can act on it. At most the first
-- 1,000 are kept per run; ingest_run.left_in_inbox counts them all.
create table inbox_leftover (
    run_id        bigint        not null,
    relative_path varchar(700)  not null,   -- path under inbox/, with forward slashes
    reason        varchar(20)   not null,   -- BEING_WRITTEN, HIDDEN, TEMPORARY, OFFICE_LOCK, SYSTEM_FILE, SYMLINK, NOT_A_FILE
    primary key (run_id, relative_path)
);

alter table ingest_run add column left_in_inbox int;
