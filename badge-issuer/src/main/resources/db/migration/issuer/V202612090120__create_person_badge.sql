-- Badges that persons issue in their own name: declared for themselves, or awarded to another person (peer
-- badges). The issuer is the person's issuer profile (endorser_person), whose keys sign the OB 3.0 credential
-- and whose status lists carry its revocation bit. The credential is kept as the exact bytes signed. The
-- recipient's address is kept only to mail and match them; the credential carries its salted hash.
create table person_badge (
    id                 uuid primary key,
    kind               varchar(20)   not null check (kind in ('SELF_DECLARED', 'PEER')),
    state              varchar(20)   not null check (state in ('ISSUED', 'OFFERED', 'CLAIMED', 'DECLINED')),
    issuer_id          uuid          not null,
    issuer_user_id     uuid          not null,
    recipient_email    varchar(254)  not null,
    recipient_user_id  uuid,
    name               varchar(120)  not null,
    description        varchar(2000) not null,
    narrative          varchar(5000),
    level              varchar(60)   not null,
    evidence_urls      varchar(2600),
    image              bytea         not null,
    credential         bytea         not null,
    status_list_index  integer       not null,
    created_at         timestamptz   not null,
    decided_at         timestamptz,
    revoked_at         timestamptz,
    version            bigint        not null
);

create index person_badge_issuer_user_idx on person_badge (issuer_user_id);
create index person_badge_recipient_idx on person_badge (lower(recipient_email));
-- Status lists are rebuilt from the revoked bits of their owner.
create index person_badge_issuer_revoked_idx on person_badge (issuer_id) where revoked_at is not null;
