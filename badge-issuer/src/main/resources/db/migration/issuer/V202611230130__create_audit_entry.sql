-- Who did what in an organisation, one row per action, written in the action's own transaction. The actor's
-- e-mail is kept as it was when they acted; actor_id is null for what the system did itself. The detail is a
-- small JSON object of texts (names, masked addresses, reasons) for the sentence the console shows.
create table audit_entry (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id) on delete cascade,
    actor_id         uuid,
    actor_email      varchar(254),
    action           varchar(40)   not null,
    subject_type     varchar(20)   not null,
    subject_id       uuid          not null,
    detail           text          not null,
    created_at       timestamptz   not null
);

create index audit_entry_organisation_idx on audit_entry (organisation_id, created_at desc, id desc);
create index audit_entry_organisation_action_idx on audit_entry (organisation_id, action, created_at desc);
