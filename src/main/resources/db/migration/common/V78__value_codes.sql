-- Why: a value text (V8) named each value by its indicator code, and the codes were two
-- thirds of its characters (445 a text on average at a province). Flagging reads thirteen
-- months of them for every village, 325,000 texts a province month. From now on a text
-- writes a number instead (#7=412.00), the number this table gives the code. Numbers are
-- only ever added: a text written with one stays readable whatever the catalogue says
-- later. Texts written before keep their codes and read as before (a code never starts
-- with #), so nothing is rewritten here.
create table value_code (
    code_no        int         not null,
    indicator_code varchar(40) not null,
    primary key (code_no)
);
create unique index ux_value_code_indicator on value_code (indicator_code);

-- the catalogue in force, in its order; later catalogues' new codes get the next numbers
insert into value_code (code_no, indicator_code)
select row_number() over (order by display_order, indicator_code), indicator_code from indicator;
