-- One endorsement: an endorser (for now an organisation on this platform) vouches for an endorsed thing (an
-- organisation's issuer profile or a badge class). A request waits for the endorser until it expires; an accepted
-- endorsement keeps the OB 3.0 EndorsementCredential as signed, and its bit in the endorser's status lists, which
-- withdrawing sets. The kinds are stored as text so that persons and awarded badges can be added.
create table endorsement (
    id                      uuid primary key,
    endorser_kind           varchar(20)  not null,
    endorser_id             uuid         not null,
    endorsed_kind           varchar(20)  not null,
    endorsed_id             uuid         not null,
    endorsed_organisation_id uuid        not null,
    status                  varchar(20)  not null,
    comment                 text,
    requested_by            uuid,
    created_at              timestamptz  not null,
    expires_at              timestamptz,
    decided_by              uuid,
    decided_at              timestamptz,
    withdrawn_at            timestamptz,
    status_list_index       integer,
    ob3_credential          bytea,
    version                 bigint       not null,
    constraint endorsement_status_list_index_unique unique (endorser_id, status_list_index)
);

-- Endorsing twice is refused by the service; this keeps two simultaneous acceptances from both succeeding.
create unique index endorsement_one_accepted_idx on endorsement (endorser_kind, endorser_id, endorsed_kind, endorsed_id)
    where status = 'ACCEPTED';
create index endorsement_endorsed_idx on endorsement (endorsed_kind, endorsed_id);
create index endorsement_endorser_idx on endorsement (endorser_id, status);
create index endorsement_endorsed_organisation_idx on endorsement (endorsed_organisation_id);
