create table user_account (
    id                  uuid primary key,
    email               varchar(254) not null unique,
    display_name        varchar(100) not null,
    password_hash       varchar(500) not null,
    email_confirmed_at  timestamptz,
    preferred_locale    varchar(10)  not null,
    created_at          timestamptz  not null,
    version             bigint       not null
);

-- Single-use links sent by e-mail. Only a SHA-256 of the token is kept: a database leak gives no usable link.
create table account_token (
    id          uuid primary key,
    user_id     uuid        not null references user_account (id) on delete cascade,
    purpose     varchar(20) not null check (purpose in ('CONFIRM_EMAIL', 'RESET_PASSWORD')),
    token_hash  varchar(64) not null unique,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null
);

create index account_token_user_idx on account_token (user_id);
