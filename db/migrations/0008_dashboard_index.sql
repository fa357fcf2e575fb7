-- Dashboards read a stream's weeks in order, with their numbers, straight from one index
-- (an index-only scan): the portfolio aggregates and the stream charts never visit the table.
CREATE INDEX IF NOT EXISTS measurements_dashboard_idx ON measurements (org_id, stream_id, step_name, period_start)
  INCLUDE (period_end, lead_time_seconds, process_time_seconds, throughput, wip, pct_complete_accurate, defects,
    waste_defects_hours, waste_overproduction_hours, waste_waiting_hours, waste_non_utilized_talent_hours,
    waste_transportation_hours, waste_inventory_hours, waste_motion_hours, waste_extra_processing_hours);
