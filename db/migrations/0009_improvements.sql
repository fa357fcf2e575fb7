CREATE TABLE "improvements" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stream_id" uuid NOT NULL,
	"step_name" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"waste" text,
	"metric" text NOT NULL,
	"owner_id" uuid,
	"started_on" date NOT NULL,
	"completed_on" date,
	"window_weeks" integer DEFAULT 8 NOT NULL,
	"expected_effect" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvements_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "improvements_dates_check" CHECK ("improvements"."completed_on" is null or "improvements"."completed_on" >= "improvements"."started_on"),
	CONSTRAINT "improvements_window_check" CHECK ("improvements"."window_weeks" between 2 and 52)
);
--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_stream_fk" FOREIGN KEY ("org_id","stream_id") REFERENCES "public"."value_streams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvements_stream_idx" ON "improvements" USING btree ("org_id","stream_id","started_on");