-- Learning territory: earners who chose to appear on the public map, where (coarsely) and with which badges.

-- What a recruiter filters on, kept from the badge itself at import and re-check (older badges get it at
-- their next re-check): the level reached, tags and alignments, one a line.
alter table backpack_badge add column level varchar(200);
alter table backpack_badge add column tags text;
alter table backpack_badge add column alignments text;

-- One entry per earner at most. Only a coarse place is ever kept: coordinates rounded to 0.01 degree
-- (about 1 km) by the service before they reach this table, and/or a commune name with its postcode.
create table territory_entry (
    id            uuid primary key,
    owner_id      uuid          not null unique,
    public_id     varchar(64)   not null unique,
    pseudonym     varchar(60)   not null,
    place_name    varchar(120),
    latitude      numeric(4, 2) check (latitude between -90 and 90),
    longitude     numeric(5, 2) check (longitude between -180 and 180),
    consented_at  timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null,
    check (place_name is not null or (latitude is not null and longitude is not null)),
    check ((latitude is null) = (longitude is null))
);

-- The badges the earner chose to show. search_text is the lower-cased tags and alignments copied at
-- opt-in time, so that the filter is one query; whether the badge is still public and verified is read
-- from backpack_badge at query time, so a badge made private or found invalid disappears at once.
-- badge_id is no foreign key, like the collections': a deleted badge just stops matching the join.
create table territory_badge (
    entry_id     uuid          not null references territory_entry (id) on delete cascade,
    position     integer       not null,
    badge_id     uuid          not null,
    level        varchar(200),
    tags         text,
    alignments   text,
    search_text  text          not null,
    primary key (entry_id, position)
);

create index territory_badge_badge_idx on territory_badge (badge_id);
create index territory_badge_level_idx on territory_badge (lower(level));
