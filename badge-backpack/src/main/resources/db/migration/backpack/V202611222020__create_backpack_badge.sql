-- One badge in an earner's backpack. The owner is a web-module user, named by id only.
-- original holds the bytes exactly as received (a baked image, a JSON/JWS file, pasted text or a URL):
-- re-serialising a signed badge would break its proof, and re-checks run on these bytes.
create table backpack_badge (
    id                  uuid primary key,
    owner_id            uuid          not null,
    public_id           varchar(64)   not null unique,
    shared              boolean       not null default false,
    original            bytea         not null check (octet_length(original) <= 5242880),
    input_kind          varchar(10)   not null check (input_kind in ('FILE', 'URL', 'TEXT')),
    media_type          varchar(40),
    spec                varchar(10)   not null check (spec in ('OB2', 'OB3')),
    fingerprint         varchar(600)  not null,
    badge_name          varchar(1000) not null,
    issuer_name         varchar(1000) not null,
    image_url           varchar(2000),
    description         text,
    criteria_narrative  text,
    criteria_url        varchar(2000),
    issued_on           timestamptz,
    expires             timestamptz,
    status              varchar(20)   not null check (status in ('VERIFIED', 'UNVERIFIED', 'INVALID')),
    recipient_status    varchar(20)   not null check (recipient_status in ('MATCHED', 'NOT_LINKED')),
    last_checks         text          not null,
    last_checked_at     timestamptz   not null,
    imported_at         timestamptz   not null,
    version             bigint        not null,
    unique (owner_id, fingerprint)
);

create index backpack_badge_owner_idx on backpack_badge (owner_id, imported_at desc);
