CREATE TABLE @extschema@."Rules" (id integer PRIMARY KEY, "Rule Text" text, standard boolean NOT NULL DEFAULT false);
INSERT INTO @extschema@."Rules" VALUES (1, 'shipped with the extension', true);
SELECT pg_catalog.pg_extension_config_dump('@extschema@."Rules"', 'WHERE NOT standard');
CREATE SEQUENCE @extschema@.rule_ids;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.rule_ids', '');
