CREATE TABLE "api_tokens" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"hint" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text DEFAULT 'in_flight' NOT NULL,
	"response_status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("org_id","key")
);
--> statement-breakpoint
CREATE TABLE "measurement_import_chunks" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"first_row" integer NOT NULL,
	"row_count" integer NOT NULL,
	"stream_ids" uuid[] NOT NULL,
	"row" integer[] NOT NULL,
	"stream_id" uuid[] NOT NULL,
	"step_name" text[] NOT NULL,
	"period_start" date[] NOT NULL,
	"period_end" date[] NOT NULL,
	"lead_time_seconds" numeric(18, 3)[] NOT NULL,
	"process_time_seconds" numeric(18, 3)[] NOT NULL,
	"wait_time_seconds" numeric(18, 3)[] NOT NULL,
	"throughput" numeric(12, 2)[] NOT NULL,
	"wip" numeric(12, 2)[] NOT NULL,
	"pct_complete_accurate" numeric(6, 3)[] NOT NULL,
	"defects" integer[] NOT NULL,
	"cost" numeric(14, 2)[] NOT NULL,
	"customer_satisfaction" numeric(5, 2)[] NOT NULL,
	"waste_defects_hours" numeric(10, 2)[] NOT NULL,
	"waste_overproduction_hours" numeric(10, 2)[] NOT NULL,
	"waste_waiting_hours" numeric(10, 2)[] NOT NULL,
	"waste_non_utilized_talent_hours" numeric(10, 2)[] NOT NULL,
	"waste_transportation_hours" numeric(10, 2)[] NOT NULL,
	"waste_inventory_hours" numeric(10, 2)[] NOT NULL,
	"waste_motion_hours" numeric(10, 2)[] NOT NULL,
	"waste_extra_processing_hours" numeric(10, 2)[] NOT NULL,
	"method" text[] NOT NULL,
	"sample_size" integer[] NOT NULL,
	"note" text[] NOT NULL,
	"import_key" text[] NOT NULL,
	CONSTRAINT "measurement_import_chunks_pkey" PRIMARY KEY("org_id","import_id","first_row")
);
--> statement-breakpoint
CREATE TABLE "measurement_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'staging' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"replaced" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "measurement_imports_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "api_token_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_name_key" ON "api_tokens" USING btree ("org_id",lower("name")) WHERE "api_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "measurement_imports_created_idx" ON "measurement_imports" USING btree ("org_id","created_at");