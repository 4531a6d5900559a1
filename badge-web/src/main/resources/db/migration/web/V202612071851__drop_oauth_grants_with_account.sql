-- A deleted account's grants go with it, in the same transaction, whatever deletes the account: its
-- applications' tokens must stop working. Grants name the account by its id (as text), so no foreign key
-- can say it.
CREATE FUNCTION drop_oauth_grants_of_account() RETURNS trigger AS $$
BEGIN
    DELETE FROM oauth2_authorization WHERE principal_name = OLD.id::text;
    DELETE FROM oauth2_authorization_consent WHERE principal_name = OLD.id::text;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER user_account_drops_oauth_grants
    AFTER DELETE ON user_account
    FOR EACH ROW EXECUTE FUNCTION drop_oauth_grants_of_account();
