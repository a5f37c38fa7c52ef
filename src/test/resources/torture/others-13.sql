-- publish_via_partition_root, from PostgreSQL 13 on.
CREATE PUBLICATION via_root FOR TABLE ONLY public.parent_rows WITH (publish_via_partition_root = true, publish = 'delete');
