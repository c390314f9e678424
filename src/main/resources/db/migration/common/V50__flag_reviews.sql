-- Why: a flag's review is a decision a reviewer must be able to account for later, so every
-- review is kept as a row (who, when, the note, the status it set, from the console or the
-- command line), not only the last one on the flag. The flag's own review columns keep the
-- latest review, which recomputation leaves alone while the flag holds (spec section 7).
create table anomaly_flag_review (
    review_id      bigint        not null auto_increment,
    flag_id        bigint        not null,
    status_before  varchar(12)   not null,
    status_after   varchar(12),             -- null: a review made before this table, status not recorded
    note           varchar(1000) not null,
    reviewed_by    varchar(100)  not null,
    reviewed_at    datetime      not null,
    channel        varchar(10)   not null,  -- CONSOLE, CLI, or EARLIER (copied from the flag below)
    primary key (review_id)
);
create index ix_anomaly_flag_review_flag on anomaly_flag_review (flag_id, review_id);

-- the last review of each flag reviewed before this table existed
insert into anomaly_flag_review (flag_id, status_before, status_after, note, reviewed_by, reviewed_at, channel)
select flag_id, 'OPEN', case when status = 'CLOSED' then null else status end, coalesce(review_note, ''),
       coalesce(reviewed_by, ''), reviewed_at, 'EARLIER'
from anomaly_flag where reviewed_at is not null;

-- Why a flag closed: the run that no longer raised it (null for a recompute, which has no run)
-- and the wall-clock time it was closed (closed_at is the business time judged at).
alter table anomaly_flag add column closed_run_id bigint;
alter table anomaly_flag add column closed_by varchar(12);
alter table anomaly_flag add column closed_recorded_at datetime;
