-- Imports, their staged chunks, API tokens and idempotency keys are tenant tables (see 0003).
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON measurement_imports, measurement_import_chunks, api_tokens, idempotency_keys TO valuestream_app;
--> statement-breakpoint
ALTER TABLE measurement_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measurement_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measurement_imports_tenant ON measurement_imports
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE measurement_import_chunks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measurement_import_chunks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measurement_import_chunks_tenant ON measurement_import_chunks
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_tokens_tenant ON api_tokens
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY idempotency_keys_tenant ON idempotency_keys
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
