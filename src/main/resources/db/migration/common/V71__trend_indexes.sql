-- The figures screens' trends read one organisation's one indicator over 12 or 24 months.
-- The primary keys start with the period, so at a province a township's trend scanned every
-- township's rows of those months (160,000 index entries for 24 months, 0.2 s in the mysql
-- client); by organisation, indicator and period it is a range of 24 rows. The flag marks of
-- a trend (one indicator, an organisation's code prefix, a range of months) likewise read
-- every flag of the months through ix_anomaly_flag_key; by indicator and code they are a
-- range of the organisation's own.
create index ix_township_indicator_trend on township_indicator (township_code, indicator_code, period);
create index ix_county_indicator_trend on county_indicator (county_code, indicator_code, period);
create index ix_anomaly_flag_trend on anomaly_flag (indicator_code, org_code, period);
