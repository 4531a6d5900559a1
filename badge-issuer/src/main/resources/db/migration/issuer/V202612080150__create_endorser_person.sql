-- A person with an account who endorses in their own name. Their endorsements are signed with keys the platform
-- keeps for them, under this id, in the tables that keep organisations' keys and status lists; their profile is
-- published at the issuer addresses (OB 2.0 Profile, OB 3.0 Profile, did:web), under this id too. The id is not
-- the account's, so that the published profile names no account; it stays the same when the name changes.
create table endorser_person (
    id           uuid primary key,
    user_id      uuid         not null unique,
    display_name varchar(100) not null,
    created_at   timestamptz  not null,
    version      bigint       not null
);

-- Keys and status lists now belong to an organisation or to an endorsing person: their owner id is no longer
-- an organisation's only.
alter table signing_key drop constraint if exists signing_key_organisation_id_fkey;
alter table status_list_sequence drop constraint if exists status_list_sequence_organisation_id_fkey;
alter table status_list_key drop constraint if exists status_list_key_organisation_id_fkey;
alter table status_list_credential drop constraint if exists status_list_credential_organisation_id_fkey;
