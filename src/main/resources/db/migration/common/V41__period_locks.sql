-- Why: several processes (two managers on two nodes, a recompute beside a run) may write the
-- figures of the same period (spec section 11). Whoever accepts returns into, aggregates or
-- flags a period first locks its row (select ... for update) in the same transaction: the
-- others wait until it commits, and a process that dies releases it with its connection.
create table period_lock (
    period char(7) not null,
    primary key (period)
);
