-- Rate limits and the login throttle, shared by every node: one row per limit and key (a SHA-256, never an
-- address or a user name as sent), counting events until its window ends. Rows expire by time, never by
-- count, so a flood of new keys cannot push out the one under attack; a periodic delete drops ended windows.
CREATE TABLE rate_limit (
    key            VARCHAR(100) NOT NULL,
    used           INT          NOT NULL,
    window_ends_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT rate_limit_pk PRIMARY KEY (key)
);

CREATE INDEX rate_limit_window_ends_at ON rate_limit (window_ends_at);
