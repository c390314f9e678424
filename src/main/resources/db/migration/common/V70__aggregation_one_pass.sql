-- Why: a period's township and county totals were two passes over the month's values, each
-- joining every value to its village's registry row (500,000 values at a province, most of
-- the aggregation step). One pass now totals the values by township, county and indicator
-- into this scratch table (a township's villages may lie in more than one county, so both
-- codes are kept), and each level's totals are summed from it: sums of exact DECIMAL sums
-- and of counts, the same figures. Emptied and filled inside each recomputation's
-- transaction, like the scratch tables of V9.
create table aggregate_month (
    township_code  varchar(12)   not null,
    county_code    varchar(12)   not null,
    indicator_code varchar(40)   not null,
    total          decimal(24,2),
    reporting      int           not null,
    primary key (township_code, county_code, indicator_code)
);

-- The same for the villages received and on time (completeness).
create table aggregate_month_received (
    township_code  varchar(12)   not null,
    county_code    varchar(12)   not null,
    received       int           not null,
    on_time        int           not null,
    primary key (township_code, county_code)
);
