create table organisation (
    id          uuid primary key,
    name        varchar(200) not null,
    created_at  timestamptz  not null,
    version     bigint       not null
);

-- Users belong to the web module; a membership names them by id only.
create table membership (
    id               uuid primary key,
    organisation_id  uuid        not null references organisation (id) on delete cascade,
    user_id          uuid        not null,
    role             varchar(20) not null check (role in ('OWNER', 'ADMIN', 'AWARDER', 'VIEWER')),
    created_at       timestamptz not null,
    version          bigint      not null,
    unique (organisation_id, user_id)
);

create index membership_user_idx on membership (user_id);
