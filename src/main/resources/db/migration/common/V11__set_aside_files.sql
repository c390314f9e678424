-- Why: a file the program fails on (an internal error on that file alone) must not stop the run
-- nor every restart of it, and must not be shown to the clerk as a format error. It is set aside
-- in <root>/quarantine/ with the reason for the administrator (outcome QUARANTINED), and the run
-- goes on with the other files.
alter table inbox_file add column set_aside_reason varchar(1000);
