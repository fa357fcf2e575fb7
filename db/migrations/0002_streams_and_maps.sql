CREATE TABLE "map_steps" (
	"org_id" uuid NOT NULL,
	"map_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"process_time_seconds" numeric(18, 3) NOT NULL,
	"lead_time_seconds" numeric(18, 3) NOT NULL,
	"process_time_unit" text DEFAULT 'minutes' NOT NULL,
	"lead_time_unit" text DEFAULT 'minutes' NOT NULL,
	"pct_complete_accurate" numeric(6, 3) NOT NULL,
	"people" integer,
	"wastes" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "map_steps_pkey" PRIMARY KEY("org_id","map_id","position"),
	CONSTRAINT "map_steps_times_check" CHECK ("map_steps"."process_time_seconds" >= 0 and "map_steps"."process_time_seconds" <= "map_steps"."lead_time_seconds"),
	CONSTRAINT "map_steps_pct_check" CHECK ("map_steps"."pct_complete_accurate" >= 0 and "map_steps"."pct_complete_accurate" <= 100),
	CONSTRAINT "map_steps_people_check" CHECK ("map_steps"."people" is null or "map_steps"."people" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stream_links" (
	"org_id" uuid NOT NULL,
	"development_stream_id" uuid NOT NULL,
	"operational_stream_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stream_links_pkey" PRIMARY KEY("org_id","development_stream_id","operational_stream_id"),
	CONSTRAINT "stream_links_distinct_check" CHECK ("stream_links"."development_stream_id" <> "stream_links"."operational_stream_id")
);
--> statement-breakpoint
CREATE TABLE "value_stream_maps" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stream_id" uuid NOT NULL,
	"state" text NOT NULL,
	"version" integer NOT NULL,
	"hours_per_day" numeric(4, 2) DEFAULT 8 NOT NULL,
	"days_per_week" numeric(3, 1) DEFAULT 5 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "value_stream_maps_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "value_stream_maps_version_key" UNIQUE("org_id","stream_id","state","version"),
	CONSTRAINT "value_stream_maps_calendar_check" CHECK ("value_stream_maps"."hours_per_day" > 0 and "value_stream_maps"."hours_per_day" <= 24 and "value_stream_maps"."days_per_week" > 0 and "value_stream_maps"."days_per_week" <= 7)
);
--> statement-breakpoint
CREATE TABLE "value_streams" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"type" text,
	"trigger" text DEFAULT '' NOT NULL,
	"customer" text DEFAULT '' NOT NULL,
	"value_delivered" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"customer_interaction" text DEFAULT '' NOT NULL,
	"work_pattern" text DEFAULT '' NOT NULL,
	"feedback_loop" text DEFAULT '' NOT NULL,
	"team_composition" text DEFAULT '' NOT NULL,
	"waste_kind" text DEFAULT '' NOT NULL,
	"iteration_pace" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"guide" jsonb,
	"archived_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "value_streams_pkey" PRIMARY KEY("org_id","id"),
	CONSTRAINT "value_streams_type_check" CHECK (("value_streams"."kind" = 'operational' and "value_streams"."type" is not null) or ("value_streams"."kind" = 'development' and "value_streams"."type" is null))
);
--> statement-breakpoint
ALTER TABLE "map_steps" ADD CONSTRAINT "map_steps_map_fk" FOREIGN KEY ("org_id","map_id") REFERENCES "public"."value_stream_maps"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_links" ADD CONSTRAINT "stream_links_development_fk" FOREIGN KEY ("org_id","development_stream_id") REFERENCES "public"."value_streams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stream_links" ADD CONSTRAINT "stream_links_operational_fk" FOREIGN KEY ("org_id","operational_stream_id") REFERENCES "public"."value_streams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_stream_maps" ADD CONSTRAINT "value_stream_maps_stream_fk" FOREIGN KEY ("org_id","stream_id") REFERENCES "public"."value_streams"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_streams" ADD CONSTRAINT "value_streams_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stream_links_operational_idx" ON "stream_links" USING btree ("org_id","operational_stream_id");--> statement-breakpoint
CREATE UNIQUE INDEX "value_streams_name_key" ON "value_streams" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "value_streams_owner_idx" ON "value_streams" USING btree ("org_id","owner_id");