-- Triggers, event triggers and policies that call user functions: they arrive only once pgshift copies
-- functions too. Separate from relext.sql for that reason.
CREATE SCHEMA "Ext Fn";
CREATE TABLE "Ext Fn"."Stock ü" (id integer PRIMARY KEY, qty integer NOT NULL, changed_by text);
CREATE TABLE "Ext Fn".history (id serial PRIMARY KEY, stock_id integer, qty integer);
INSERT INTO "Ext Fn"."Stock ü" VALUES (1, 10, NULL), (2, 0, 'someone');

CREATE FUNCTION "Ext Fn"."Stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := current_user;
    RETURN NEW;
END $$;
CREATE FUNCTION "Ext Fn".remember() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "Ext Fn".history (stock_id, qty) VALUES (NEW.id, NEW.qty);
    RETURN NULL;
END $$;
CREATE FUNCTION "Ext Fn".no_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dropping % is not allowed', tg_tag;
END $$;
CREATE FUNCTION "Ext Fn".note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'ddl: %', tg_tag;
END $$;
CREATE FUNCTION "Ext Fn".visible(integer) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT $1 > 0 $$;

CREATE TRIGGER "Stamp It" BEFORE INSERT OR UPDATE ON "Ext Fn"."Stock ü"
    FOR EACH ROW EXECUTE PROCEDURE "Ext Fn"."Stamp"();
CREATE TRIGGER remember_changes AFTER UPDATE OF qty ON "Ext Fn"."Stock ü"
    FOR EACH ROW WHEN (OLD.qty IS DISTINCT FROM NEW.qty) EXECUTE PROCEDURE "Ext Fn".remember();
ALTER TABLE "Ext Fn"."Stock ü" DISABLE TRIGGER remember_changes;

CREATE EVENT TRIGGER "No Drops" ON sql_drop EXECUTE PROCEDURE "Ext Fn".no_drops();
ALTER EVENT TRIGGER "No Drops" DISABLE;
CREATE EVENT TRIGGER note_creates ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'CREATE INDEX', 'ALTER TABLE')
    EXECUTE PROCEDURE "Ext Fn".note_ddl();
ALTER EVENT TRIGGER note_creates ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER note_creates IS 'says what was created';

CREATE POLICY "Visible Stock" ON "Ext Fn"."Stock ü" USING ("Ext Fn".visible(qty));
ALTER TABLE "Ext Fn"."Stock ü" ENABLE ROW LEVEL SECURITY;
