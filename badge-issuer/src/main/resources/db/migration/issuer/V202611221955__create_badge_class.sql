create table badge_class (
    id                 uuid primary key,
    organisation_id    uuid          not null references organisation (id) on delete cascade,
    name               varchar(120)  not null,
    description        varchar(2000) not null,
    criteria_markdown  varchar(10000) not null,
    expiry_months      integer       check (expiry_months between 1 and 120),
    evidence_required  boolean       not null,
    status             varchar(20)   not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null
);

create index badge_class_organisation_idx on badge_class (organisation_id);

-- Kept apart from the badge class row so that lists never load the image bytes.
create table badge_class_image (
    badge_class_id  uuid primary key references badge_class (id) on delete cascade,
    media_type      varchar(40) not null check (media_type in ('image/png', 'image/svg+xml')),
    bytes           bytea       not null,
    updated_at      timestamptz not null,
    version         bigint      not null
);

-- Alignments to competence frameworks (ESCO, RNCP/RS, ROME…), in the order entered.
create table badge_class_alignment (
    badge_class_id  uuid          not null references badge_class (id) on delete cascade,
    position        integer       not null,
    framework       varchar(100)  not null,
    code            varchar(100),
    target_name     varchar(200)  not null,
    target_url      varchar(500)  not null,
    primary key (badge_class_id, position)
);

create table badge_class_tag (
    badge_class_id  uuid         not null references badge_class (id) on delete cascade,
    position        integer      not null,
    tag             varchar(50)  not null,
    primary key (badge_class_id, position)
);

-- Competence levels, lowest first; names are stored as entered, in the organisation's language.
create table badge_class_level (
    badge_class_id  uuid         not null references badge_class (id) on delete cascade,
    position        integer      not null,
    name            varchar(60)  not null,
    primary key (badge_class_id, position)
);
