-- Why: acceptance sets the state of every ledger row it takes (STAGED to CURRENT, SUPERSEDED or
-- DUPLICATE), and an index that starts with the run and holds the state was rewritten for each:
-- at a province (250,000 rows a month) the load and the state update were the two largest
-- statements of the run's server time (2.8 and 2.7 s). Its one reader, a run's summary, counts a
-- run's rows by their files instead (ix_ledger_row_file, through the run's inbox files).
drop index ix_ledger_row_run_state;
