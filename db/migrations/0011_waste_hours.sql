-- The eight waste columns summed (a missing one as nothing; null when the row records no waste),
-- kept by Postgres on every write, in double precision. The dashboards sum and filter on it for
-- every week they read; computing it from the eight numeric columns in each query cost half of
-- the portfolio's time. Not in the Drizzle schema: nothing writes it, only db/queries reads it.
ALTER TABLE measurements ADD COLUMN IF NOT EXISTS waste_hours double precision GENERATED ALWAYS AS (
  CASE WHEN num_nonnulls(waste_defects_hours, waste_overproduction_hours, waste_waiting_hours, waste_non_utilized_talent_hours,
      waste_transportation_hours, waste_inventory_hours, waste_motion_hours, waste_extra_processing_hours) > 0
    THEN (coalesce(waste_defects_hours, 0) + coalesce(waste_overproduction_hours, 0) + coalesce(waste_waiting_hours, 0)
      + coalesce(waste_non_utilized_talent_hours, 0) + coalesce(waste_transportation_hours, 0) + coalesce(waste_inventory_hours, 0)
      + coalesce(waste_motion_hours, 0) + coalesce(waste_extra_processing_hours, 0))::double precision
  END
) STORED;
--> statement-breakpoint
-- The dashboards' index (0008) carries it too, so their reads stay index-only.
DROP INDEX IF EXISTS measurements_dashboard_idx;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS measurements_dashboard_idx ON measurements (org_id, stream_id, step_name, period_start)
  INCLUDE (period_end, lead_time_seconds, process_time_seconds, throughput, wip, pct_complete_accurate, defects,
    waste_defects_hours, waste_overproduction_hours, waste_waiting_hours, waste_non_utilized_talent_hours,
    waste_transportation_hours, waste_inventory_hours, waste_motion_hours, waste_extra_processing_hours, waste_hours);
