-- Tenant isolation: the app connects as (or switches to) the non-owner role valuestream_app,
-- and every tenant table only shows it the rows of the organization set in app.org_id.
-- See docs/decisions/0002-row-level-security.md.

-- Roles are cluster-wide: another database on the same server may have created it already,
-- possibly at the same moment (parallel test databases), hence the exception handler.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'valuestream_app') THEN
    CREATE ROLE valuestream_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- The migrating user must be able to SET ROLE to it (a superuser always can).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT valuestream_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO valuestream_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON users, organizations TO valuestream_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON sign_in_failures TO valuestream_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE sign_in_failures_id_seq TO valuestream_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations TO valuestream_app;
--> statement-breakpoint
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('owner', 'admin', 'lead', 'viewer'));
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('owner', 'admin', 'lead', 'viewer'));
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY memberships_tenant ON memberships
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- A signed-in user may list their own memberships across organizations (the org switcher).
CREATE POLICY memberships_self ON memberships FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invitations_tenant ON invitations
  USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid);
