-- More e-mail addresses of one account, besides its login address (user_account.email): badges awarded to
-- any confirmed one belong to the account. An unconfirmed address proves nothing, so only confirmed ones
-- are unique across accounts; anyone may add an address, only its owner's mailbox confirms it.
create table account_email (
    id            uuid primary key,
    user_id       uuid         not null references user_account (id) on delete cascade,
    email         varchar(254) not null,
    confirmed_at  timestamptz,
    created_at    timestamptz  not null,
    version       bigint       not null,
    unique (user_id, email)
);

create unique index account_email_confirmed_idx on account_email (email) where confirmed_at is not null;

-- A confirmation link for an added address names it; the link dies with the address.
alter table account_token add column email_id uuid references account_email (id) on delete cascade;
alter table account_token drop constraint account_token_purpose_check;
alter table account_token add constraint account_token_purpose_check
    check (purpose in ('CONFIRM_EMAIL', 'RESET_PASSWORD', 'CONFIRM_ADDRESS'));
