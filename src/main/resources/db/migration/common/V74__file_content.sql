-- Which file holds which content, for the duplicate check (spec section 5): one row per
-- registered file, written when the file is claimed and never updated.
-- Why not the index on inbox_file (sha256) it replaces: H2 rewrites every index entry of a row
-- it updates, whether or not the indexed columns changed, and a file's row is updated four times
-- on its way (numbered, validated, accepted, filed). A hash is random, so each of those updates
-- dirtied another page of that index, written again at the next commit (WRITE_DELAY=0): with the
-- index gone, a province month's claim on H2 took 11.4 s instead of 16.4 to 17.6, and its
-- validation 21.3 s instead of 23.6 to 26.6 (README, "Where issue #16 stands", 2026-12-02).
create table file_content (
    file_id  bigint   not null,
    sha256   char(64) not null,
    primary key (file_id)
);
insert into file_content (file_id, sha256) select file_id, sha256 from inbox_file;
create index ix_file_content_sha on file_content (sha256, file_id);
