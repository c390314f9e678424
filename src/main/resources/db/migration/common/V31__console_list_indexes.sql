-- Why: the console's lists must answer within a second at province scale (25,000 villages, a
-- year of history: 325,000 files and returns). The run list counts each page's files by outcome
-- from the index alone, and the submissions list pages the returns in force latest period
-- first, village codes ascending, straight from an index in that order.

create index ix_inbox_file_run_outcome on inbox_file (run_id, outcome);
create index ix_current_return_recent on current_return (period desc, village_code);
