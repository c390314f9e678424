-- Why: validation needs the village registry and the indicator catalogue, and the set-based
-- aggregation joins them in SQL. The CSV files under jobs/ (or the files the county configures)
-- are the source; these tables are a copy that is reloaded whenever a file's SHA-256 changes.

create table indicator (
    indicator_code    varchar(40)   not null,
    name_zh           varchar(100)  not null,
    name_en           varchar(200)  not null,
    unit_zh           varchar(20)   not null,
    value_type        varchar(10)   not null,
    kind              varchar(10)   not null,
    required_flag     char(1)       not null,
    max_value         decimal(20,2),
    max_per_household decimal(12,4),
    min_abs_change    decimal(20,2) not null,
    display_order     int           not null,
    primary key (indicator_code)
);

-- A village may appear more than once, with different validity ranges (a merge or a split
-- changes the households); valid_from / valid_to are YYYY-MM, inclusive, null = open.
create table village (
    village_row_id  bigint        not null auto_increment,
    village_code    char(12)      not null,
    village_name    varchar(100)  not null,
    township_code   char(9)       not null,
    township_name   varchar(100)  not null,
    county_code     char(6)       not null,
    kind            varchar(10)   not null,
    households      int           not null,
    population      int,
    valid_from      char(7),
    valid_to        char(7),
    primary key (village_row_id)
);
create index ix_village_code on village (village_code);
create index ix_village_township on village (township_code);

create table reference_version (
    kind        varchar(20)   not null,
    source      varchar(1000) not null,
    sha256      char(64)      not null,
    loaded_at   datetime      not null,
    primary key (kind)
);
