-- The claim records a run's files here first, then into inbox_file in one INSERT ... SELECT
-- that numbers them in claim order: numbering them in place afterwards rewrote every row of
-- every index of inbox_file once more (H2 updates all of a table's indexes), 1.1 to 2.2 s and
-- as much again at the commit for a province's 25,000 files. Emptied by the same transaction.
-- (MySQL: a temporary table of the connection's, made by InboxFiles.)
create table scratch_claimed_file (
    run_id         bigint        not null,
    relative_path  varchar(700)  not null,
    file_name      varchar(255)  not null,
    size_bytes     bigint        not null,
    sha256         char(64)      not null
);
