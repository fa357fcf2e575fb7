-- Measurements and their audit trail are tenant tables. The audit is append-only for the app.
GRANT SELECT, INSERT, UPDATE, DELETE ON measurements TO valuestream_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON measurement_audit TO valuestream_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE measurement_audit_id_seq TO valuestream_app;
--> statement-breakpoint
ALTER TABLE measurements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measurements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measurements_tenant ON measurements
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE measurement_audit ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE measurement_audit FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY measurement_audit_tenant ON measurement_audit
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
