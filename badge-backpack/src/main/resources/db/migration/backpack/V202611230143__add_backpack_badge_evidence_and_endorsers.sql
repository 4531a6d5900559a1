-- What the badge page shows besides its name and issuer: the evidence the badge names and who endorses it,
-- kept from the badge at each import and re-check as a small JSON document (older badges get it at their
-- next re-check).
alter table backpack_badge add column extras text;
