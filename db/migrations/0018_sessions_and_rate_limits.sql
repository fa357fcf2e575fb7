-- Sessions that can be ended, and rate limits that cannot be turned against a person (issue 11,
-- findings 3 and 5; decision 0024).
-- * sessions: one row per signed-in browser, keyed by user (not a tenant table). Row-level
--   security, forced, shows the app's role only the rows of app.user_id. Cookies from before this
--   migration name no session: their holders sign in again once.
-- * rate_limit_hits replaces sign_in_failures. Failures per address carry over under their new key;
--   failures per account alone do not (the limit is now per account and address together, and
--   the old rows do not say the address). They were counted over 15 minutes only.
CREATE TABLE "rate_limit_hits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "rate_limit_hits" ("key", "at")
  SELECT 'sign-in:address:' || substr("key", 4), "at" FROM "sign_in_failures" WHERE "key" LIKE 'ip:%';
--> statement-breakpoint
DROP TABLE "sign_in_failures" CASCADE;
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"previous_hash" text,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limit_hits_key_at_idx" ON "rate_limit_hits" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_secret_hash_key" ON "sessions" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON rate_limit_hits TO valuestream_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE rate_limit_hits_id_seq TO valuestream_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON sessions TO valuestream_app;
--> statement-breakpoint
-- Only what moves: the secret at its rotation, and when the session was last seen.
GRANT UPDATE (secret_hash, previous_hash, rotated_at, last_seen_at) ON sessions TO valuestream_app;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sessions_own ON sessions
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
