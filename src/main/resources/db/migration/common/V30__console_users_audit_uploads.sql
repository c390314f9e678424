-- Why: the web console (serve) needs who may do what, what each of them did, and which inbox
-- file came from whose upload. Users live here (BCrypt hashes only, never a password); the
-- audit is append-only; an upload row links the clerk to the inbox file a run claims by its
-- unique stored name, so the console can follow the file to its run and final place.

create table console_user (
    user_id          bigint        not null auto_increment,
    username         varchar(64)   not null,
    password_hash    varchar(100)  not null,
    role             varchar(10)   not null,   -- ADMIN, CLERK, VIEWER
    township_code    char(9),                  -- a CLERK limited to one township
    enabled          int           not null,
    must_change      int           not null,   -- 1: set a new password at next login
    failed_logins    int           not null,
    locked_until     datetime,                 -- Asia/Shanghai local time
    created_at       datetime      not null,
    password_changed datetime,
    primary key (user_id),
    constraint uq_console_user_name unique (username)
);

create table console_audit (
    audit_id   bigint        not null auto_increment,
    at         datetime      not null,   -- Asia/Shanghai local time
    username   varchar(64)   not null,
    action     varchar(30)   not null,   -- LOGIN, LOGIN_FAILED, UPLOAD, RESTART, STOP, START, REVIEW, USER_...
    detail     varchar(1000) not null,
    remote     varchar(64),
    primary key (audit_id)
);
create index ix_console_audit_at on console_audit (at);

create table console_upload (
    upload_id      bigint        not null auto_increment,
    username       varchar(64)   not null,
    original_name  varchar(255)  not null,   -- as the clerk's browser named it
    stored_path    varchar(700)  not null,   -- path under inbox/, unique: what inbox_file.relative_path will be
    size_bytes     bigint        not null,
    sha256         char(64)      not null,
    uploaded_at    datetime      not null,   -- Asia/Shanghai local time
    primary key (upload_id),
    constraint uq_console_upload_path unique (stored_path)
);
create index ix_console_upload_user on console_upload (username, upload_id);

-- the run list counts each page's flags by run
create index ix_anomaly_flag_run on anomaly_flag (raised_run_id);
-- the console follows an upload to the file a run claimed
create index ix_inbox_file_path on inbox_file (relative_path);
-- rejected files, latest first
create index ix_inbox_file_outcome on inbox_file (outcome, file_id);
