-- An earner's public profile page: off until they turn it on, under an unguessable address, with the name
-- they chose to show (never their e-mail). Turning it off deletes the row, so the address stops working.
create table public_profile (
    owner_id      uuid primary key,
    public_id     varchar(64)  not null unique,
    display_name  varchar(100) not null,
    created_at    timestamptz  not null,
    version       bigint       not null
);

-- The scheduled re-check picks the badges checked longest ago.
create index backpack_badge_last_checked_idx on backpack_badge (last_checked_at);
