-- Readiness (GET /api/ready, server/readiness.ts): the app's role reads the newest row of drizzle's
-- migrations table to tell whether the schema is at the build's last migration. It may read that
-- table and nothing else in the schema. drizzle's migrator creates the schema before it applies
-- anything, but the SQL may also be applied by hand: hence the guard.
DO $$
BEGIN
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    GRANT USAGE ON SCHEMA drizzle TO valuestream_app;
    GRANT SELECT ON drizzle.__drizzle_migrations TO valuestream_app;
  END IF;
END
$$;
