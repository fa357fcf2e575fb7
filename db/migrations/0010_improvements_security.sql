-- Improvements are a tenant table (see 0003).
GRANT SELECT, INSERT, UPDATE, DELETE ON improvements TO valuestream_app;
--> statement-breakpoint
ALTER TABLE improvements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE improvements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY improvements_tenant ON improvements
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
