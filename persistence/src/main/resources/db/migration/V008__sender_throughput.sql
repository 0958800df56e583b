-- SMS sender throughput (compliance-rules.md §4, "Throughput"): the registered limits of each sending number, and
-- the durable counters of the throughput buckets, updated in the same transaction as each reservation so that a
-- restart cannot burst.
create table sms_sender (
    phone_number         varchar(32)   not null primary key,
    number_type          varchar(12)   not null,
    trust_tier           varchar(12),
    att_class            varchar(1),
    segments_per_second  double precision not null,
    att_per_minute       integer       not null,
    tmobile_per_day      integer       not null,
    brand                varchar(100),
    att_campaign         varchar(100),
    updated_at           timestamp with time zone not null,
    updated_by           varchar(100)  not null,
    constraint ck_sms_sender_type check (number_type in ('LONG_CODE', 'TOLL_FREE', 'SHORT_CODE'))
);

-- One bucket: a paced one ("number +1…", "att 10DLC campaign …": when it is free again and until when waiting
-- messages were booked, epoch nanoseconds) or a T-Mobile brand-day ("tmobile brand … 2026-03-10": segments sent
-- and segments booked to wait for that day; tmobile_day set).
create table sender_usage (
    bucket               varchar(200)  not null primary key,
    free_at_ns           bigint        not null default 0,
    booked_until_ns      bigint        not null default 0,
    used_segments        bigint        not null default 0,
    booked_segments      bigint        not null default 0,
    tmobile_day          date,
    updated_at           timestamp with time zone not null
);

create index ix_sender_usage_day on sender_usage (tmobile_day);
