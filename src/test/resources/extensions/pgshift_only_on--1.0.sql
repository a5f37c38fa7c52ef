CREATE FUNCTION pgshift_only_on_answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';
