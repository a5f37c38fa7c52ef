-- ICU tailoring rules, from PostgreSQL 16 on.
CREATE COLLATION public."a after b" (provider = icu, locale = 'und', rules = '&b < a');
