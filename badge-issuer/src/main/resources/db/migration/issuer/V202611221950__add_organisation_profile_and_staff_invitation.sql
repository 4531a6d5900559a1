alter table organisation
    add column description    varchar(2000),
    add column website_url    varchar(500),
    add column contact_email  varchar(254),
    add column address        varchar(500),
    add column region         varchar(100);

-- Kept apart from the organisation row so that lists never load the image bytes.
create table organisation_logo (
    organisation_id  uuid primary key references organisation (id) on delete cascade,
    media_type       varchar(40) not null check (media_type in ('image/png', 'image/svg+xml')),
    bytes            bytea       not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);

-- Only the SHA-256 of the mailed token is kept: a database leak does not hand out invitations.
create table staff_invitation (
    id               uuid primary key,
    organisation_id  uuid         not null references organisation (id) on delete cascade,
    email            varchar(254) not null,
    role             varchar(20)  not null check (role in ('OWNER', 'ADMIN', 'AWARDER', 'VIEWER')),
    token_hash       varchar(64)  not null unique,
    invited_by       uuid         not null,
    expires_at       timestamptz  not null,
    accepted_at      timestamptz,
    accepted_by      uuid,
    created_at       timestamptz  not null,
    version          bigint       not null
);

create index staff_invitation_organisation_idx on staff_invitation (organisation_id);
