-- Why: filing away runs as partitions, possibly in several worker processes on several hosts
-- (spec section 11). Choosing a free name in a destination folder ("x.csv", "x (2).csv"...) and
-- taking it must be one step for all of them: a name is taken by inserting its row, so two
-- partitions can never pick the same one. A restarted partition finds the name it had chosen.
-- Names compare byte for byte, as the file system does (760 characters: InnoDB's key limit).
create table filed_name (
    final_path varchar(760) character set utf8mb4 collate utf8mb4_bin not null,
    file_id    bigint       not null,
    primary key (final_path)
);
create index ix_filed_name_file on filed_name (file_id);
