-- Awards are looked up by recipient address when an earner confirms one, to bring them into the backpack.
create index award_recipient_email_idx on award (recipient_email);
