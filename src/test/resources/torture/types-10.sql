-- Collation providers, from PostgreSQL 10 on (the server must be built with ICU, as the embedded ones are).
CREATE COLLATION "Types & Co"."Deutsch (Telefonbuch)" (provider = icu, locale = 'de-u-co-phonebk');
CREATE COLLATION public."ICU root" (provider = icu, locale = 'und');
COMMENT ON COLLATION public."ICU root" IS 'ICU''s root locale';
CREATE TABLE "Types & Co".names (name text COLLATE "Types & Co"."Deutsch (Telefonbuch)", other text);
INSERT INTO "Types & Co".names VALUES ('Müller', 'x'), ('Mueller', NULL);
