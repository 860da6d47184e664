-- Search has used the task_search terms since migration 0004, which dropped the last trigram
-- index; the extension is no longer needed (and no longer has to be allowed on PostgreSQL).
DROP EXTENSION IF EXISTS pg_trgm;
