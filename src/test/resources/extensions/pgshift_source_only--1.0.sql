CREATE FUNCTION pgshift_source_only_answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';
