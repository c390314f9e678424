-- The duplicate check finds files by content in file_content (V74, which says why).
drop index ix_inbox_file_sha;
