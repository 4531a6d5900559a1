-- Background work shared by several nodes on this database. A lease names a piece of work (a bulk job, a
-- periodic task, a node's own liveness) and who does it until when; expiry is read on the database's clock so
-- that the nodes' clocks need not agree. A node that dies stops renewing, and another takes the work over.
create table work_lease (
    name        varchar(200) primary key,
    owner       varchar(200) not null,
    token       uuid         not null,
    acquired_at timestamptz  not null,
    expires_at  timestamptz  not null
);

-- The award mails' outbox (issued rows not yet notified) is claimed row by row: a claim is committed before
-- the mail is sent, so no other node sends it too, and a node that died while sending leaves its claim
-- behind. mail_key is the mail's idempotency key and its Message-ID. A mail whose sending a dead node may or
-- may not have finished is mail_uncertain: never sent again automatically (docs/decisions/0015).
alter table bulk_award_row add column mail_key uuid not null default gen_random_uuid();
alter table bulk_award_row add column mail_claimed_by varchar(200);
alter table bulk_award_row add column mail_claimed_at timestamptz;
alter table bulk_award_row add column mail_uncertain boolean not null default false;

drop index bulk_award_row_outbox_idx;
create index bulk_award_row_outbox_idx on bulk_award_row (job_id, line)
    where status = 'ISSUED' and notified_at is null and mail_claimed_by is null and not mail_uncertain;
create index bulk_award_row_mail_claim_idx on bulk_award_row (mail_claimed_by)
    where notified_at is null and mail_claimed_by is not null;
