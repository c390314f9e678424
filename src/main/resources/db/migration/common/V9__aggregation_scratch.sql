-- Why: recomputing a period is a few set-based statements; joining derived tables made H2 run
-- a grouped subquery once per township and indicator (quadratic at a province's 1,250
-- townships). Intermediate results go through these scratch tables instead, joined on their
-- keys. They are emptied and filled inside each recomputation's transaction; one process at a
-- time recomputes (process_lock), so they are never shared.

create table aggregate_stage (
    org_code       varchar(12)   not null,
    indicator_code varchar(40)   not null,
    total          decimal(24,2),
    reporting      int           not null,
    primary key (org_code, indicator_code)
);

create table aggregate_earlier (
    org_code       varchar(12)   not null,
    indicator_code varchar(40)   not null,
    total          decimal(24,2),
    primary key (org_code, indicator_code)
);

create table aggregate_expected (
    org_code  varchar(12) not null,
    expected  int         not null,
    primary key (org_code)
);

create table aggregate_received (
    org_code  varchar(12) not null,
    received  int         not null,
    on_time   int         not null,
    primary key (org_code)
);
