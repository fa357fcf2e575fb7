-- Columns that no longer say anything (issue 10, decision 0012). Existing data is kept:
-- * idempotency_keys: a request in progress now holds an advisory lock, not an `in_flight` row, so
--   rows left in flight by requests that died are dropped (their sender retries with the same key
--   and is answered); the stored response becomes the JSON text it always held (jsonb held a string).
-- * measurement_imports: every import is recorded when it commits (decision 0011), so `status` is
--   always `committed` and `committed_at` is `created_at`. Imports of the older staged design that
--   never committed saved no rows and go; for those that did, when they committed is when they happened.
DELETE FROM "idempotency_keys" WHERE "status" <> 'done' OR "response_status" IS NULL OR "response" IS NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "response_status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "response" SET DATA TYPE text USING (CASE WHEN jsonb_typeof("response") = 'string' THEN "response" #>> '{}' ELSE "response"::text END);--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "response" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP COLUMN "status";--> statement-breakpoint
DELETE FROM "measurement_imports" WHERE "status" <> 'committed';--> statement-breakpoint
UPDATE "measurement_imports" SET "created_at" = "committed_at" WHERE "committed_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "measurement_imports" DROP COLUMN "status";--> statement-breakpoint
ALTER TABLE "measurement_imports" DROP COLUMN "committed_at";
