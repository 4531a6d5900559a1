-- When the earner first added the badge to a backpack; null until then. The dashboard counts claimed badges.
alter table award add column claimed_at timestamptz;
