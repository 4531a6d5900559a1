-- When an authorization row was made. The authorization server never writes it, so the default stamps each
-- insert: the only way to tell the age of a request still waiting for consent, whose every expiry is null.
ALTER TABLE oauth2_authorization ADD COLUMN created_at timestamptz DEFAULT now() NOT NULL;
CREATE INDEX oauth2_authorization_registered_client ON oauth2_authorization (registered_client_id);
