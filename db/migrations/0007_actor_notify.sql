-- Servers remember who a signed-in user is between requests; these triggers tell them, after the
-- change commits, whose standing changed: a user (account, session epoch, unit, organisation) or
-- their roles by id, any unit or organisation as '*' (everyone).
CREATE OR REPLACE FUNCTION notify_actor_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'app_user' THEN
    PERFORM pg_notify('lien_thong_actor', OLD.id::text);
  ELSIF TG_TABLE_NAME = 'user_role' THEN
    PERFORM pg_notify('lien_thong_actor', COALESCE(NEW.user_id, OLD.user_id)::text);
  ELSE
    PERFORM pg_notify('lien_thong_actor', '*');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER app_user_actor_changed
  AFTER UPDATE OR DELETE ON app_user
  FOR EACH ROW EXECUTE FUNCTION notify_actor_changed();
--> statement-breakpoint
CREATE TRIGGER user_role_actor_changed
  AFTER INSERT OR UPDATE OR DELETE ON user_role
  FOR EACH ROW EXECUTE FUNCTION notify_actor_changed();
--> statement-breakpoint
CREATE TRIGGER unit_actor_changed
  AFTER UPDATE OR DELETE ON unit
  FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
--> statement-breakpoint
CREATE TRIGGER organisation_actor_changed
  AFTER UPDATE OR DELETE ON organisation
  FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed();
