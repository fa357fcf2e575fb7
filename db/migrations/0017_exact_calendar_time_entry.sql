ALTER TABLE "value_stream_maps" ALTER COLUMN "hours_per_day" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "value_stream_maps" ALTER COLUMN "hours_per_day" SET DEFAULT 8;--> statement-breakpoint
ALTER TABLE "value_stream_maps" ALTER COLUMN "days_per_week" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "value_stream_maps" ALTER COLUMN "days_per_week" SET DEFAULT 5;--> statement-breakpoint
ALTER TABLE "map_steps" ADD COLUMN "time_entry" text DEFAULT 'lead' NOT NULL;--> statement-breakpoint
ALTER TABLE "map_steps" ADD CONSTRAINT "map_steps_time_entry_check" CHECK ("map_steps"."time_entry" in ('lead', 'wait'));