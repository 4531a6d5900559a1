-- Organisation API tokens. Only the SHA-256 of the secret is kept (the secret is 32 random bytes, so a hash
-- without salt or stretching cannot be reversed); hint is the start of the token, shown to tell tokens apart.
-- created_by is the member the token acts as; it is not a foreign key, as accounts live in another module.
create table api_token (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id) on delete cascade,
    created_by       uuid          not null,
    name             varchar(100)  not null,
    scopes           varchar(60)   not null,
    token_hash       varchar(64)   not null unique,
    hint             varchar(20)   not null,
    created_at       timestamptz   not null,
    expires_at       timestamptz,
    revoked_at       timestamptz,
    last_used_at     timestamptz,
    version          bigint        not null
);

create index api_token_organisation_idx on api_token (organisation_id, created_at desc);

-- Idempotency keys of awards made through the API: the key a client sent, per organisation, and the
-- SHA-256 of what it asked, so that a replay with another request is refused instead of answered.
create table award_request_key (
    organisation_id  uuid          not null references organisation (id) on delete cascade,
    request_key      varchar(255)  not null,
    fingerprint      varchar(64)   not null,
    created_at       timestamptz   not null,
    primary key (organisation_id, request_key)
);

-- The API lists an organisation's awards newest first, filtered or not.
create index award_organisation_created_idx on award (organisation_id, created_at desc, id desc);
