-- Bounded work for the app's role (issue 12): no statement runs past 30 s, no lock is waited for
-- past 10 s, and a transaction left idle for 60 s is ended, so a stuck request frees its
-- connection. Role settings apply when the role logs in (production's DATABASE_URL, and through
-- PgBouncer, whose server connections log in as it); docs/decisions/0017-bounded-work.md.
-- Roles are cluster-wide and altering one needs CREATEROLE: a migrating user without it leaves
-- the role as it is and says so (an operator runs these three statements).
DO $$
BEGIN
  ALTER ROLE valuestream_app SET statement_timeout = '30s';
  ALTER ROLE valuestream_app SET lock_timeout = '10s';
  ALTER ROLE valuestream_app SET idle_in_transaction_session_timeout = '60s';
EXCEPTION WHEN insufficient_privilege OR internal_error THEN
  RAISE NOTICE 'valuestream_app keeps its timeouts as they were: set them as a user with CREATEROLE.';
END
$$;
