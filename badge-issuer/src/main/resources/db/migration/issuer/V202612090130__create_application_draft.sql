-- An application written signed out, kept until its author signs in (after signing up and confirming their
-- address) and sends it. Checked like an application when kept; the files are never served, only sent on.
create table application_draft (
    id              uuid primary key,
    badge_class_id  uuid         not null references badge_class (id) on delete cascade,
    owner_id        uuid,
    narrative       text         not null,
    level           varchar(100),
    answers         text[]       not null,
    link_urls       text[]       not null,
    link_public     boolean[]    not null,
    created_at      timestamptz  not null
);
create index application_draft_owner_idx on application_draft (owner_id, badge_class_id);
create index application_draft_created_idx on application_draft (created_at);

-- answer_position null: a piece of evidence; else the answer to the file question at that position.
create table application_draft_file (
    draft_id         uuid          not null references application_draft (id) on delete cascade,
    position         int           not null,
    answer_position  int,
    file_name        varchar(200)  not null,
    is_public        boolean       not null,
    content          bytea         not null,
    primary key (draft_id, position)
);
