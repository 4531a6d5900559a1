-- Other Open Badges 3.0 hosts this platform registered with as a client: once per host and redirect
-- address, kept for every earner who connects to it. The client secret is sealed under the master key,
-- bound to the row's id.
create table platform_host (
    id                uuid        primary key,
    discovery_url     text        not null,
    redirect_uri      text        not null,
    name              text        not null,
    authorization_url text        not null,
    token_url         text        not null,
    credentials_url   text        not null,
    revocation_url    text,
    client_id         text        not null,
    client_secret     bytea       not null,
    registered_at     timestamptz not null default now(),
    unique (discovery_url, redirect_uri)
);

-- An earner's connection to a host: its tokens, sealed under the master key and bound to the row's id, and
-- how the latest import went. An import running is claimed by a node (import_node); one whose node died
-- reads as interrupted.
create table platform_connection (
    id                 uuid        primary key,
    account_id         uuid        not null references user_account (id) on delete cascade,
    host_id            uuid        not null references platform_host (id) on delete cascade,
    access_token       bytea,
    access_expires_at  timestamptz,
    refresh_token      bytea,
    connected_at       timestamptz not null default now(),
    import_state       text        check (import_state in ('RUNNING', 'DONE', 'FAILED')),
    import_node        text,
    import_started_at  timestamptz,
    import_finished_at timestamptz,
    import_listed      integer     not null default 0,
    import_added       integer     not null default 0,
    import_known       integer     not null default 0,
    import_refused     integer     not null default 0,
    import_failure     text,
    import_refusals    text        not null default '',
    unique (account_id, host_id)
);
