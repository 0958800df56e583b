-- Where the sequence designer placed each step of a stored version: layout only, never read by the engine. A version
-- without rows is laid out automatically when opened (the shipped sequences, files imported on the command line).
create table sequence_layout (
    sequence_key  varchar(100)  not null,
    version       integer       not null,
    step_id       varchar(200)  not null,
    x             double precision not null,
    y             double precision not null,
    constraint pk_sequence_layout primary key (sequence_key, version, step_id),
    constraint fk_sequence_layout_version foreign key (sequence_key, version)
        references sequence_version (sequence_key, version) on delete cascade
);
