-- Why: two processes on the same root and database (two ingests, or watch plus ingest) must
-- never work on the inbox or write the same period at once. One row per lock names the process
-- holding it (host, pid, start time) and its heartbeat, so that a lock left by a killed process
-- can be taken over, and a live holder can be named to the one that has to wait.

create table process_lock (
    lock_name     varchar(40)  not null,
    owner_host    varchar(255) not null,
    owner_pid     bigint       not null,
    owner_started varchar(40)  not null,
    run_id        bigint,
    acquired_at   datetime     not null,
    heartbeat_at  datetime     not null,
    primary key (lock_name)
);

-- The process that is running (or last ran) a run: a restart must know whether it is still alive.
alter table ingest_run add column owner_started varchar(40);
