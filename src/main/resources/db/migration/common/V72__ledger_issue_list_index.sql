-- 问题清单 lists a month's issues in (period, village, issue number) order, 50 a page. With only
-- (period, township_code) MariaDB sorted the province's 250,000 issues of the month for each
-- page (1.4 s); in this order a page is the index's next 50 entries.
create index ix_ledger_issue_list on ledger_issue (period, village_code, issue_no);
