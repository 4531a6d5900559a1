-- How many reviewers must approve an application before its badge is awarded.
alter table application_opening add column required_approvals int not null default 1
    check (required_approvals between 1 and 5);

-- Each reviewer's review of each revision: decision, message, and the criteria checklist below.
create table application_review (
    id              uuid primary key,
    application_id  uuid          not null references badge_application (id) on delete cascade,
    reviewer_id     uuid          not null,
    revision        int           not null,
    decision        varchar(20)   not null check (decision in ('APPROVED', 'CHANGES_REQUESTED', 'REFUSED')),
    message         text,
    at              timestamptz   not null
);

create index application_review_application_idx on application_review (application_id, at);
-- One approval per reviewer and revision, whatever races past the service's own check.
create unique index application_review_one_approval_idx on application_review (application_id, revision, reviewer_id)
    where decision = 'APPROVED';

create table application_review_check (
    review_id  uuid           not null references application_review (id) on delete cascade,
    position   int            not null,
    criterion  varchar(500)   not null,
    met        boolean        not null,
    note       varchar(1000)  not null,
    primary key (review_id, position)
);
