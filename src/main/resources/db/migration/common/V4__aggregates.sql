-- Why: township and county tables, completeness and timeliness are read by other offices and the
-- console far more often than returns change, so they are stored, recomputed set-based for the
-- periods a run touches (delete and insert a period in one transaction: never half a period).
-- A total is null when no village reported the indicator: missing is not zero.

create table township_indicator (
    period             char(7)       not null,
    township_code      char(9)       not null,
    indicator_code     varchar(40)   not null,
    total              decimal(24,2),
    ytd_total          decimal(24,2),
    villages_reporting int           not null,
    villages_expected  int           not null,
    primary key (period, township_code, indicator_code)
);

create table county_indicator (
    period             char(7)       not null,
    county_code        char(6)       not null,
    indicator_code     varchar(40)   not null,
    total              decimal(24,2),
    ytd_total          decimal(24,2),
    villages_reporting int           not null,
    villages_expected  int           not null,
    primary key (period, county_code, indicator_code)
);

-- org_level TOWNSHIP (org_code = 9 digits) or COUNTY (6 digits).
create table completeness (
    period      char(7)     not null,
    org_level   varchar(10) not null,
    org_code    varchar(12) not null,
    expected    int         not null,
    received    int         not null,
    on_time     int         not null,
    primary key (period, org_level, org_code)
);
