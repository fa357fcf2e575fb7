CREATE TABLE "measurement_audit" (
	"org_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"measurement_id" uuid NOT NULL,
	"stream_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb,
	CONSTRAINT "measurement_audit_pkey" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stream_id" uuid NOT NULL,
	"step_name" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"lead_time_seconds" numeric(18, 3),
	"process_time_seconds" numeric(18, 3),
	"wait_time_seconds" numeric(18, 3),
	"throughput" numeric(12, 2),
	"wip" numeric(12, 2),
	"pct_complete_accurate" numeric(6, 3),
	"defects" integer,
	"cost" numeric(14, 2),
	"customer_satisfaction" numeric(5, 2),
	"waste_defects_hours" numeric(10, 2),
	"waste_overproduction_hours" numeric(10, 2),
	"waste_waiting_hours" numeric(10, 2),
	"waste_non_utilized_talent_hours" numeric(10, 2),
	"waste_transportation_hours" numeric(10, 2),
	"waste_inventory_hours" numeric(10, 2),
	"waste_motion_hours" numeric(10, 2),
	"waste_extra_processing_hours" numeric(10, 2),
	"entered_by" uuid NOT NULL,
	"source" text NOT NULL,
	"method" text NOT NULL,
	"sample_size" integer,
	"note" text DEFAULT '' NOT NULL,
	"import_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurements_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "measurements_period_check" CHECK ("measurements"."period_end" >= "measurements"."period_start"),
	CONSTRAINT "measurements_times_check" CHECK (coalesce("measurements"."lead_time_seconds", 0) >= 0 and coalesce("measurements"."process_time_seconds", 0) >= 0 and coalesce("measurements"."wait_time_seconds", 0) >= 0
        and ("measurements"."process_time_seconds" is null or "measurements"."lead_time_seconds" is null or "measurements"."process_time_seconds" <= "measurements"."lead_time_seconds")),
	CONSTRAINT "measurements_pct_check" CHECK ("measurements"."pct_complete_accurate" is null or ("measurements"."pct_complete_accurate" >= 0 and "measurements"."pct_complete_accurate" <= 100)),
	CONSTRAINT "measurements_counts_check" CHECK (coalesce("measurements"."throughput", 0) >= 0 and coalesce("measurements"."wip", 0) >= 0 and coalesce("measurements"."defects", 0) >= 0 and coalesce("measurements"."cost", 0) >= 0 and coalesce("measurements"."sample_size", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_stream_fk" FOREIGN KEY ("org_id","stream_id") REFERENCES "public"."value_streams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measurement_audit_stream_idx" ON "measurement_audit" USING btree ("org_id","stream_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_period_key" ON "measurements" USING btree ("org_id","stream_id","step_name","period_start","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_import_key" ON "measurements" USING btree ("org_id","import_key") WHERE "measurements"."import_key" is not null;--> statement-breakpoint
CREATE INDEX "measurements_org_period_idx" ON "measurements" USING btree ("org_id","period_start");