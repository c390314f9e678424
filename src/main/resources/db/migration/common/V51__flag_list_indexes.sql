-- Why: the 异常 Flags list must answer within a second at province scale (25,000 villages:
-- hundreds of thousands of flags). A page is cut in SQL in the list's order (period latest
-- first, then organisation, rule, indicator) straight from the first index; the count of the
-- matching flags is read from the second alone, whichever filters (status, severity, rule,
-- township = a prefix of org_code) are set.
create index ix_anomaly_flag_list on anomaly_flag (period desc, org_code, rule_code, indicator_code);
create index ix_anomaly_flag_filters on anomaly_flag (period, status, severity, rule_code, org_code);
