-- An earner asks a person by e-mail to endorse one of their awarded badges. The mailed link's token is kept only
-- as a hash and cleared once answered; one reminder is claimed by setting reminded_at (a fresh token replaces the
-- first). The mails go out in the language of the person who asked, with links under the address they used.
alter table endorsement add column invitee_email varchar(320);
alter table endorsement add column link_hash varchar(64);
alter table endorsement add column reminded_at timestamptz;
alter table endorsement add column mail_locale varchar(10);
alter table endorsement add column mail_base varchar(500);
create unique index endorsement_link_hash_idx on endorsement (link_hash) where link_hash is not null;
create index endorsement_requested_by_idx on endorsement (requested_by) where endorsed_kind = 'AWARD';
create index endorsement_due_reminder_idx on endorsement (expires_at)
    where status = 'REQUESTED' and link_hash is not null and reminded_at is null;

-- A person without an account who endorsed through such a link: what they gave (name, role, organisation,
-- website, address), and the hash of the token of their own page, where they see and erase it. Their user_id is
-- their own id, as for a person whose account was erased: no account is named.
alter table endorser_person add column role varchar(100);
alter table endorser_person add column affiliation varchar(200);
alter table endorser_person add column website_url varchar(500);
alter table endorser_person add column email varchar(320);
alter table endorser_person add column page_hash varchar(64);
create unique index endorser_person_page_hash_idx on endorser_person (page_hash) where page_hash is not null;
