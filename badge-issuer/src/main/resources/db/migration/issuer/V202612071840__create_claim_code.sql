-- Codes an issuer hands out at an event: whoever signs in with one gets the badge, or an application for it.
create table claim_code (
    id               uuid primary key,
    code             varchar(16)   not null unique,
    organisation_id  uuid          not null references organisation (id) on delete cascade,
    badge_class_id   uuid          not null references badge_class (id) on delete cascade,
    mode             varchar(20)   not null check (mode in ('AWARD', 'APPLICATION')),
    level            varchar(100)  not null,
    valid_from       timestamptz   not null,
    valid_until      timestamptz   not null,
    max_uses         int           not null check (max_uses between 1 and 100000),
    used             int           not null check (used >= 0 and used <= max_uses),
    closed_at        timestamptz,
    created_by       uuid          not null,
    created_at       timestamptz   not null,
    version          bigint        not null,
    check (valid_until > valid_from)
);

create index claim_code_badge_class_idx on claim_code (badge_class_id, created_at desc);

-- Who used a code, once each: the primary key refuses a second use by the same person whatever races.
create table claim_code_use (
    claim_code_id   uuid          not null references claim_code (id) on delete cascade,
    user_id         uuid          not null,
    award_id        uuid,
    application_id  uuid,
    used_at         timestamptz   not null,
    primary key (claim_code_id, user_id),
    check ((award_id is null) <> (application_id is null))
);
