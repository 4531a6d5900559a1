-- A public badge's short link (/b/{short}) is the first 16 characters of its public id (96 random bits):
-- nothing to store, and nothing the public page does not already show.
create index backpack_badge_short_link on backpack_badge (left(public_id, 16));
