-- What a resubmission changed (narrative, level, answers by label, evidence added and removed), one per line,
-- for reviewers to see at a glance; null for every other event.
alter table application_event add column changes text;
