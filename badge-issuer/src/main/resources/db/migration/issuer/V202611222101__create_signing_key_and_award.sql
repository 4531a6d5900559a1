-- Each organisation signs with its own keys. The private half is kept only encrypted (AES-GCM under the
-- master key, nonce first); retired keys stay so that badges they signed still verify.
create table signing_key (
    id                    uuid primary key,
    organisation_id       uuid         not null references organisation (id) on delete cascade,
    algorithm             varchar(20)  not null check (algorithm in ('ED25519', 'RSA')),
    public_key            bytea        not null,
    encrypted_private_key bytea        not null,
    created_at            timestamptz  not null,
    retired_at            timestamptz,
    version               bigint       not null
);

create index signing_key_organisation_idx on signing_key (organisation_id);

-- One badge awarded to one person. The OB 2.0 assertion and the OB 3.0 credential are kept as the exact
-- bytes served, since re-serialising would break the proof. The e-mail address is kept only to notify the
-- earner; published documents carry its salted hash.
create table award (
    id                  uuid primary key,
    organisation_id     uuid          not null references organisation (id) on delete cascade,
    badge_class_id      uuid          not null references badge_class (id) on delete cascade,
    form_token          uuid          not null unique,
    recipient_email     varchar(254)  not null,
    recipient_name      varchar(200)  not null,
    level               varchar(60)   not null,
    evidence_url        varchar(500),
    evidence_narrative  varchar(5000),
    issued_on           timestamptz   not null,
    expires_at          timestamptz,
    ob2_assertion       bytea         not null,
    ob3_credential      bytea         not null,
    awarded_by          uuid          not null,
    created_at          timestamptz   not null,
    revoked_at          timestamptz,
    revocation_reason   varchar(500),
    version             bigint        not null
);

create index award_badge_class_idx on award (badge_class_id);
create index award_organisation_idx on award (organisation_id);
