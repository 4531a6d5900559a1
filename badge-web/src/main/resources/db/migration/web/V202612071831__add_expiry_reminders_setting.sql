-- Whether the account holder wants a mail before one of their badges expires; on unless they turn it off.
alter table user_account add column expiry_reminders boolean not null default true;
