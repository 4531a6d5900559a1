-- A bulk award (CSV) names each row by a hash of what makes it the same award (badge class, e-mail, level,
-- evidence, issue date as written). Unique, so a file uploaded twice or a job run twice issues nothing twice;
-- awards made one by one have none.
alter table award add column idempotency_key varchar(64);
create unique index award_idempotency_key_idx on award (idempotency_key);

-- One uploaded file, from preview to report. The file is kept as uploaded until it is confirmed, so that the
-- preview and the job read the same bytes.
create table bulk_award_job (
    id              uuid primary key,
    organisation_id uuid          not null references organisation (id) on delete cascade,
    badge_class_id  uuid          not null references badge_class (id) on delete cascade,
    created_by      uuid          not null,
    file_name       varchar(255)  not null,
    content         bytea         not null,
    locale          varchar(20)   not null,
    base_url        varchar(500)  not null,
    status          varchar(20)   not null check (status in ('PREVIEW', 'RUNNING', 'DONE')),
    total_rows      integer       not null,
    created_at      timestamptz   not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    version         bigint        not null
);

create index bulk_award_job_organisation_idx on bulk_award_job (organisation_id);
create index bulk_award_job_running_idx on bulk_award_job (status) where status = 'RUNNING';

-- One row of a confirmed file and what became of it. Rows ISSUED and not yet notified are the persistent
-- outbox of earner mails: a restart sends what is left, and nothing twice.
create table bulk_award_row (
    job_id             uuid          not null references bulk_award_job (id) on delete cascade,
    line               integer       not null,
    idempotency_key    varchar(64),
    recipient_email    text          not null,
    recipient_name     text          not null,
    level              text          not null,
    evidence_url       text,
    evidence_narrative text,
    issued_on          text,
    status             varchar(20)   not null check (status in ('PENDING', 'ISSUED', 'DUPLICATE', 'INVALID', 'FAILED')),
    error_keys         text,
    award_id           uuid,
    notified_at        timestamptz,
    primary key (job_id, line)
);

create index bulk_award_row_pending_idx on bulk_award_row (job_id, line) where status = 'PENDING';
create index bulk_award_row_outbox_idx on bulk_award_row (job_id, line) where status = 'ISSUED' and notified_at is null;
