-- A network of issuers: a profile of its own, published at the issuer addresses under its id (OB 2.0 Profile,
-- OB 3.0 Profile, did:web) and signed for with keys kept under that id, like an organisation's. Its rights are
-- its coordinators' alone: being on the staff of a member organisation gives none.
create table network (
    id          uuid primary key,
    name        varchar(200)  not null,
    description varchar(2000),
    website_url varchar(500),
    region      varchar(100),
    -- The public base the network was created under: its recognition list, signed off any request (when members
    -- change, and by the monthly renewal), names its documents under this address.
    base_url    varchar(500)  not null,
    created_at  timestamptz   not null,
    version     bigint        not null
);

create table network_logo (
    network_id  uuid primary key references network (id) on delete cascade,
    media_type  varchar(40) not null check (media_type in ('image/png', 'image/svg+xml')),
    bytes       bytea       not null,
    updated_at  timestamptz not null,
    version     bigint      not null
);

-- Accounts (web module) by id only: the creator is the first coordinator, coordinators add the others.
create table network_coordinator (
    id          uuid primary key,
    network_id  uuid        not null references network (id) on delete cascade,
    user_id     uuid        not null,
    added_by    uuid,
    added_at    timestamptz not null,
    constraint network_coordinator_unique unique (network_id, user_id)
);
create index network_coordinator_user_idx on network_coordinator (user_id);

-- One row per invitation of an organisation: INVITED until its owners or administrators answer, then MEMBER or
-- DECLINED; a member LEFT or was REMOVED. A new invitation after an answer is a new row.
create table network_membership (
    id              uuid primary key,
    network_id      uuid        not null references network (id) on delete cascade,
    organisation_id uuid        not null references organisation (id) on delete cascade,
    status          varchar(20) not null,
    invited_by      uuid        not null,
    invited_at      timestamptz not null,
    decided_by      uuid,
    decided_at      timestamptz,
    ended_at        timestamptz,
    version         bigint      not null
);

-- Inviting twice is refused by the service; this keeps two simultaneous invitations from both succeeding.
create unique index network_membership_open_idx on network_membership (network_id, organisation_id)
    where status in ('INVITED', 'MEMBER');
create index network_membership_organisation_idx on network_membership (organisation_id, status);

-- The network's recognition list as last signed (a VerifiableRecognitionCredential, served byte for byte) and
-- the same members as plain JSON in the DCC registry format. Re-signed when members change and before it expires.
create table network_recognition_list (
    network_id  uuid primary key references network (id) on delete cascade,
    credential  bytea       not null,
    registry    bytea       not null,
    signed_at   timestamptz not null,
    valid_until timestamptz not null,
    version     bigint      not null
);
create index network_recognition_list_signed_idx on network_recognition_list (signed_at);
