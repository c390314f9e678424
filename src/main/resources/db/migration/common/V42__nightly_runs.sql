-- Why: `watch` may run on several nodes over one root and database; the nightly run of a given
-- night is taken by inserting its row, so only one of them runs it.
create table nightly_run (
    due_at     datetime     not null,   -- the scheduled time, in the county's time zone
    owner_host varchar(255) not null,
    owner_pid  bigint       not null,
    primary key (due_at)
);
