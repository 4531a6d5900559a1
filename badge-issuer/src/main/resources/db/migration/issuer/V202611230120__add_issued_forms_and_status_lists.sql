-- Every OB 3.0 credential issued from now on points at one bit of its organisation's Bitstring Status List
-- (vc-bitstring-status-list §2.1). Bits are numbered per organisation from 0 in one sequence; list n holds
-- bits n * 131072 .. (n + 1) * 131072 - 1. Awards made before this carry no index: their credentials keep
-- the 1EdTech revocation list they name.
alter table award add column status_list_index integer;
alter table award add constraint award_status_list_index_unique unique (organisation_id, status_list_index);

-- The signed forms made on first request and then served as stored, so that a badge keeps one signed form
-- even after its organisation's keys are rotated.
alter table award add column ob2_signed text;
alter table award add column ob3_jwt text;

-- key_id: the Ed25519 key the last index was handed out for. A credential's issuer may be its key (did:key,
-- on plain-HTTP addresses), and a status list must have the same issuer as the credentials pointing into it
-- (§3.2): after a key rotation the sequence moves on to the next list, so each list serves one key.
create table status_list_sequence (
    organisation_id uuid    primary key references organisation (id) on delete cascade,
    next_index      integer not null,
    key_id          uuid    not null
);

create table status_list_key (
    organisation_id uuid    not null references organisation (id) on delete cascade,
    list_number     integer not null,
    key_id          uuid    not null,
    primary key (organisation_id, list_number)
);

-- The signed status list credentials as last built. A list is rebuilt when the number of revoked awards
-- in its range, or the public address it names, is no longer the one it was built from.
create table status_list_credential (
    organisation_id uuid         not null references organisation (id) on delete cascade,
    list_number     integer      not null,
    base_url        varchar(500) not null,
    revoked_count   integer      not null,
    credential      bytea        not null,
    built_at        timestamptz  not null,
    primary key (organisation_id, list_number)
);

-- Badge images with a badge baked in, made on first request. The baked document is the stored one, so an
-- image never needs remaking; it goes with its award.
create table award_baked_image (
    award_id   uuid        not null references award (id) on delete cascade,
    form       varchar(20) not null,
    media_type varchar(40) not null,
    image      bytea       not null,
    created_at timestamptz not null,
    primary key (award_id, form)
);
