-- One row per award whose earner was (or was to be) reminded that it expires: inserting it is the claim, so
-- whichever node inserts first sends the mail and no other ever does. The claim commits before the mail is
-- sent; a row without an outcome is a mail a node died sending, never sent again (at most once, as the
-- award mails: docs/decisions/0015 and 0028). mail_key is the mail's Message-ID.
create table expiry_reminder (
    award_id    uuid primary key references award (id) on delete cascade,
    claimed_by  varchar(200) not null,
    claimed_at  timestamptz  not null,
    mail_key    uuid         not null,
    outcome     varchar(20)  check (outcome in ('SENT', 'TURNED_OFF', 'UNCERTAIN')),
    decided_at  timestamptz
);

-- The reminder sweep and the dashboard read unrevoked awards by expiry.
create index award_expiry_idx on award (expires_at) where expires_at is not null and revoked_at is null;
