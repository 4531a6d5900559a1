-- Reviewers decide on applications and manage nothing: a fifth staff role.
alter table membership drop constraint membership_role_check;
alter table membership add constraint membership_role_check
    check (role in ('OWNER', 'ADMIN', 'AWARDER', 'REVIEWER', 'VIEWER'));
alter table staff_invitation drop constraint staff_invitation_role_check;
alter table staff_invitation add constraint staff_invitation_role_check
    check (role in ('OWNER', 'ADMIN', 'AWARDER', 'REVIEWER', 'VIEWER'));

-- How a published badge class takes applications; one row per badge class that ever opened them.
create table application_opening (
    badge_class_id          uuid primary key references badge_class (id) on delete cascade,
    organisation_id         uuid         not null references organisation (id) on delete cascade,
    open                    boolean      not null,
    applicant_instructions  text         not null,
    reviewer_instructions   text         not null,
    links_accepted          boolean      not null,
    max_files               int          not null check (max_files between 0 and 10),
    max_file_megabytes      int          not null check (max_file_megabytes between 1 and 10),
    opens_on                date,
    closes_on               date,
    max_applications        int          check (max_applications > 0),
    updated_at              timestamptz  not null,
    version                 bigint       not null
);

-- Applicants are accounts of the web module, named by id; their address and name as they applied.
create table badge_application (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id) on delete cascade,
    badge_class_id   uuid          not null references badge_class (id) on delete cascade,
    applicant_id     uuid          not null,
    applicant_email  varchar(254)  not null,
    applicant_name   varchar(200)  not null,
    locale           varchar(10)   not null,
    narrative        text          not null,
    state            varchar(20)   not null
        check (state in ('SUBMITTED', 'CHANGES_REQUESTED', 'AWARDED', 'REFUSED', 'WITHDRAWN')),
    revision         int           not null,
    consent_at       timestamptz   not null,
    created_at       timestamptz   not null,
    submitted_at     timestamptz   not null,
    award_id         uuid,
    version          bigint        not null
);

-- One open application per person and badge class, whatever races past the service's own check.
create unique index badge_application_one_open_idx on badge_application (badge_class_id, applicant_id)
    where state in ('SUBMITTED', 'CHANGES_REQUESTED');
create index badge_application_queue_idx on badge_application (organisation_id, state, submitted_at);
create index badge_application_applicant_idx on badge_application (applicant_id, created_at desc);

-- A link or a file; a file's bytes live in application_file so that listing evidence never reads them.
create table application_evidence (
    application_id  uuid          not null references badge_application (id) on delete cascade,
    position        int           not null,
    id              uuid          not null unique,
    url             varchar(500),
    file_name       varchar(200),
    media_type      varchar(40),
    size            int           not null,
    is_public       boolean       not null,
    primary key (application_id, position),
    check ((url is null) <> (file_name is null))
);

create table application_file (
    id              uuid primary key,
    application_id  uuid   not null references badge_application (id) on delete cascade,
    content         bytea  not null
);

create index application_file_application_idx on application_file (application_id);

-- What happened to an application, in order: submissions, reviewers' messages, the decision.
create table application_event (
    application_id  uuid          not null references badge_application (id) on delete cascade,
    position        int           not null,
    kind            varchar(30)   not null,
    actor_id        uuid,
    message         text,
    at              timestamptz   not null,
    primary key (application_id, position)
);
