-- Why: flagging a province's month reads every village's values of P and the twelve months
-- before it; as one row per value that is millions of rows. Each accepted return also keeps its
-- values as one compact text (CODE=value;..., codes in order, two decimals), copied to the return
-- in force, so that the detector reads one row per village and month. submission_value stays the
-- source the totals are summed from; the text is written in the same transaction.
-- (H2 and MySQL/MariaDB differ only in the GROUP_CONCAT limit setting of the MySQL version.)

alter table submission add column values_text varchar(4000);
alter table current_return add column values_text varchar(4000);

update submission s set values_text = (select group_concat(concat(v.indicator_code, '=', v.val)
    order by v.indicator_code separator ';') from submission_value v where v.submission_id = s.submission_id)
where s.state in ('STAGED', 'CURRENT', 'SUPERSEDED', 'DUPLICATE');

update current_return c set values_text = (select s.values_text from submission s
    where s.submission_id = c.submission_id);
