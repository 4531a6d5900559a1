-- Collections: a named, ordered selection of an earner's badges, with its own unguessable public address.
create table badge_collection (
    id           uuid primary key,
    owner_id     uuid          not null,
    public_id    varchar(64)   not null unique,
    name         varchar(200)  not null,
    description  varchar(2000),
    shared       boolean       not null default false,
    created_at   timestamptz   not null,
    version      bigint        not null
);

create index badge_collection_owner_idx on badge_collection (owner_id, created_at);

-- badge_id is deliberately no foreign key: a deleted badge just stops showing, since the services keep
-- only the owner's existing badges, and the list keeps its positions without gaps.
create table badge_collection_item (
    collection_id  uuid    not null references badge_collection (id) on delete cascade,
    position       integer not null,
    badge_id       uuid    not null,
    primary key (collection_id, position)
);

-- Anonymous CVs: a public page of chosen badges that names neither the earner nor their address.
create table anonymous_cv (
    id           uuid primary key,
    owner_id     uuid          not null,
    public_id    varchar(64)   not null unique,
    label        varchar(200)  not null,
    revoked_at   timestamptz,
    created_at   timestamptz   not null,
    version      bigint        not null
);

create index anonymous_cv_owner_idx on anonymous_cv (owner_id, created_at);

create table anonymous_cv_item (
    cv_id     uuid    not null references anonymous_cv (id) on delete cascade,
    position  integer not null,
    badge_id  uuid    not null,
    primary key (cv_id, position)
);
