-- Why: files are taken in the order of their names (spec section 5), numbered in the database.
-- A case-insensitive collation (the MySQL/MariaDB default for a database not created with
-- utf8mb4_bin) would order "B.csv" and "a.csv" differently from H2 and would make "A.csv" and
-- "a.csv" one name. File names are compared byte for byte, as the file system does.

alter table inbox_file modify file_name varchar(255) character set utf8mb4 collate utf8mb4_bin not null;
alter table inbox_file modify relative_path varchar(700) character set utf8mb4 collate utf8mb4_bin not null;
