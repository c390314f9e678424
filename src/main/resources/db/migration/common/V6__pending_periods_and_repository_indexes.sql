-- Why: a run that fails after accepting returns but before recomputing their periods leaves
-- those periods' tables stale until it is restarted; aggregated_at says which periods are up
-- to date, so that reports can warn. And the job repository's frequent look-ups (the executions
-- of an instance, the steps of an execution, running executions) get indexes of their own.

alter table run_period add column aggregated_at datetime;

create index ix_batch_job_execution_instance on BATCH_JOB_EXECUTION (JOB_INSTANCE_ID, JOB_EXECUTION_ID);
create index ix_batch_job_execution_status on BATCH_JOB_EXECUTION (STATUS, END_TIME);
create index ix_batch_step_execution_job on BATCH_STEP_EXECUTION (JOB_EXECUTION_ID, STEP_NAME);
