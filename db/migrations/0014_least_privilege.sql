-- Least privilege for the app's role (issue 11, finding 10; docs/decisions/0016-database-privileges.md).
-- The app logs in as valuestream_app, which owns nothing: the tables belong to the migrating user.

-- The app's login role. Roles are cluster-wide and altering one needs CREATEROLE: a migrating user
-- without it leaves the role as it is (an operator grants LOGIN and a password: docs/decisions/0016-database-privileges.md).
DO $$
BEGIN
  IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'valuestream_app') THEN
    ALTER ROLE valuestream_app LOGIN;
  END IF;
EXCEPTION WHEN insufficient_privilege OR internal_error THEN
  RAISE NOTICE 'valuestream_app was left as it is: grant it LOGIN as a user with CREATEROLE.';
END
$$;
--> statement-breakpoint
-- People: anyone may be looked up (sign-in, invitations) and sign up; a row changes only in a
-- transaction that names that person (app.user_id), and only its name and password hash.
REVOKE UPDATE ON users FROM valuestream_app;
--> statement-breakpoint
GRANT UPDATE (name, password_hash) ON users TO valuestream_app;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY users_sign_up ON users FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY users_self ON users FOR UPDATE
  USING (id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
-- Organizations: found by slug before the tenant is known, created by anyone signed in; renamed only
-- inside that organization's tenant transaction, and only the name.
REVOKE UPDATE ON organizations FROM valuestream_app;
--> statement-breakpoint
GRANT UPDATE (name) ON organizations TO valuestream_app;
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY organizations_read ON organizations FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY organizations_create ON organizations FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY organizations_tenant ON organizations FOR UPDATE
  USING (id = nullif(current_setting('app.org_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- No new tables or functions of its own.
REVOKE CREATE ON SCHEMA public FROM valuestream_app;
