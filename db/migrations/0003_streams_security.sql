-- Streams and maps are tenant tables: the app role may use them, only within its organization.
-- See 0001_tenant_security.sql and docs/decisions/0002-row-level-security.md.
GRANT SELECT, INSERT, UPDATE, DELETE ON value_streams, stream_links, value_stream_maps, map_steps TO valuestream_app;
--> statement-breakpoint
ALTER TABLE value_streams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE value_streams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY value_streams_tenant ON value_streams
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE stream_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE stream_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY stream_links_tenant ON stream_links
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE value_stream_maps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE value_stream_maps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY value_stream_maps_tenant ON value_stream_maps
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE map_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE map_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY map_steps_tenant ON map_steps
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
