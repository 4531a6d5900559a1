-- A badge awarded to an address its owner has not confirmed is kept as NOT_CONFIRMED rather than refused; such a
-- badge is never public until a verification for a confirmed address of its owner promotes it to MATCHED.
alter table backpack_badge drop constraint backpack_badge_recipient_status_check;
alter table backpack_badge add constraint backpack_badge_recipient_status_check
    check (recipient_status in ('MATCHED', 'NOT_LINKED', 'NOT_CONFIRMED'));
alter table backpack_badge add constraint backpack_badge_unconfirmed_not_shared
    check (recipient_status <> 'NOT_CONFIRMED' or not shared);
