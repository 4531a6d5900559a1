-- The reviewer an application is assigned to; the queue filters on it and on the badge class, oldest first.
alter table badge_application add column assignee_id uuid;

create index badge_application_queue_class_idx on badge_application (badge_class_id, state, submitted_at);
create index badge_application_queue_assignee_idx on badge_application (assignee_id, state, submitted_at)
    where assignee_id is not null;
