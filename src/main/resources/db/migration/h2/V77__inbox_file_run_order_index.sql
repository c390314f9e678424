-- Why: validation, acceptance and filing away each set the state of every file of the run, and an
-- index that held the state (run_id, state, seq) had its entry taken out and put back by each of
-- the three updates. On MariaDB, in a scratch database shaped as a province month (25,000 files of
-- the run among 325,000), the three updates took 1.97 to 2.84 s with it (median 2.30, five runs)
-- and 1.28 to 2.07 s with this one (median 1.55). H2 rewrites every index entry of an updated row
-- anyway, so here the change only keeps the two schemas alike. The run's files are read in their
-- order within a state (a partition's range of seq, a page at a time): this index gives that
-- range, and the state is checked on the rows it finds, nearly all in the state a step reads.
drop index ix_inbox_file_run_state;
create index ix_inbox_file_run_seq on inbox_file (run_id, seq);
