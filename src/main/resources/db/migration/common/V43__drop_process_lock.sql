-- Why: one row in process_lock let a single process work on a root at a time. Claims per file,
-- a lock per period (period_lock) and the nightly run as a row (nightly_run) replaced it, so that
-- several processes and nodes can work at once (spec section 11); nothing reads it any more.
drop table process_lock;
