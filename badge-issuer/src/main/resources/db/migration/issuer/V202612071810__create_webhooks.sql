-- Webhook endpoints of an organisation. The signing secret is kept encrypted under the master key (the
-- platform must read it to sign), bound to the row's id; during a rotation the previous secret stays valid
-- until previous_secret_until and deliveries carry both signatures. events: codes separated by commas.
-- console_base: the platform's address the endpoint was registered at, for the links of mails sent off any
-- request (when insigne.base-url is not set).
create table webhook_endpoint (
    id                     uuid primary key,
    organisation_id        uuid          not null references organisation (id) on delete cascade,
    url                    varchar(2000) not null,
    events                 varchar(300)  not null,
    secret                 bytea         not null,
    previous_secret        bytea,
    previous_secret_until  timestamptz,
    console_base           varchar(2000) not null,
    created_by             uuid          not null,
    created_at             timestamptz   not null,
    disabled_at            timestamptz,
    disabled_reason        varchar(20),
    version                bigint        not null
);

create index webhook_endpoint_organisation_idx on webhook_endpoint (organisation_id, created_at);

-- The outbox: one row per event and endpoint, written in the transaction of the change that raised the
-- event. A node claims due rows (claimed_by, committed before sending; FOR UPDATE SKIP LOCKED), posts them,
-- and writes the outcome; a claim whose node died goes back to the outbox and is sent again (at least once:
-- receivers tell copies by the webhook-id, which is the row's message_id).
create table webhook_delivery (
    id               uuid primary key,
    endpoint_id      uuid          not null references webhook_endpoint (id) on delete cascade,
    message_id       varchar(40)   not null,
    event_type       varchar(40)   not null,
    payload          text          not null,
    created_at       timestamptz   not null,
    state            varchar(12)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    retry_until      timestamptz   not null,
    claimed_by       varchar(200),
    claimed_at       timestamptz
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at)
    where state = 'PENDING' and claimed_by is null;
create index webhook_delivery_claim_idx on webhook_delivery (claimed_by) where claimed_by is not null;
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc);

-- Every attempt, for the endpoint's delivery log: the status (null when no answer came), how long it took, and
-- the start of the answer, cut and stripped of control characters before it is stored.
create table webhook_attempt (
    id                uuid primary key,
    delivery_id       uuid          not null references webhook_delivery (id) on delete cascade,
    endpoint_id       uuid          not null references webhook_endpoint (id) on delete cascade,
    attempted_at      timestamptz   not null,
    status_code       integer,
    latency_ms        integer       not null,
    failure           varchar(40),
    response_excerpt  varchar(1000)
);

create index webhook_attempt_endpoint_idx on webhook_attempt (endpoint_id, attempted_at desc);
