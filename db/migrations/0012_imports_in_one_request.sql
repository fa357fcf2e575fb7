-- Decision 0011. A CSV import now arrives in one request and is saved in that request's
-- transaction, its rows set aside in a temporary table: the staging table of chunks goes.
-- Rows are no longer keyed by a hash of their content: a row sent again is found by its stream,
-- step and period (measurements_period_key) and skipped when its numbers are the same. The hash
-- cost a SHA-256 per row and a unique index on every write.
DROP TABLE IF EXISTS "measurement_import_chunks" CASCADE;--> statement-breakpoint
DROP INDEX IF EXISTS "measurements_import_key";--> statement-breakpoint
ALTER TABLE "measurements" DROP COLUMN IF EXISTS "import_key";
