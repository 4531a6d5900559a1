-- Questions a badge class asks applicants besides the narrative, and whether they pick the level they ask for.
alter table application_opening add column ask_level boolean not null default false;

create table application_question (
    badge_class_id  uuid          not null references application_opening (badge_class_id) on delete cascade,
    position        int           not null,
    kind            varchar(20)   not null
        check (kind in ('SHORT_TEXT', 'LONG_TEXT', 'LINK', 'FILE', 'CHOICE', 'CHECKBOX', 'DATE')),
    label           varchar(200)  not null,
    help            varchar(500)  not null,
    required        boolean       not null,
    max_length      int           not null check (max_length between 1 and 5000),
    choices         text          not null,
    primary key (badge_class_id, position)
);

alter table badge_application add column level varchar(100);

-- Answers keep the question's label as asked; a file answer's bytes are in application_file under file_id.
create table application_answer (
    application_id  uuid          not null references badge_application (id) on delete cascade,
    position        int           not null,
    label           varchar(200)  not null,
    kind            varchar(20)   not null,
    content         text,
    file_id         uuid,
    media_type      varchar(40),
    primary key (application_id, position)
);
