-- A badge an animator and a person write together. The draft lives here until the person consents (then the
-- organisation awards it as a badge class of its own) or refuses (then nothing is issued). The person's link
-- is kept only as a SHA-256 of its token.
create table cobuild (
    id                  uuid          primary key,
    organisation_id     uuid          not null references organisation (id) on delete cascade,
    started_by          uuid          not null,
    mode                varchar(20)   not null check (mode in ('SHARED_SCREEN', 'LINK')),
    person_name         varchar(200)  not null,
    person_email        varchar(254)  not null,
    link_hash           varchar(64)   unique,
    link_expires_at     timestamptz,
    state               varchar(20)   not null check (state in ('DRAFT', 'CONSENTED', 'REFUSED', 'AWARDED')),
    experience          text          check (char_length(experience) <= 5000),
    skills              text          check (char_length(skills) <= 2000),
    chosen_tags         text          check (char_length(chosen_tags) <= 2000),
    level               varchar(60),
    evidence_links      text          check (char_length(evidence_links) <= 1600),
    badge_name          varchar(120),
    badge_description   varchar(2000),
    image_shape         varchar(20),
    image_colour        varchar(20),
    image_media_type    varchar(40),
    image_bytes         bytea,
    consented_at        timestamptz,
    refused_at          timestamptz,
    badge_class_id      uuid,
    award_id            uuid,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);

create index cobuild_organisation_idx on cobuild (organisation_id, updated_at desc);
