-- 继续教育: training totals per year (项目数, 人次) read projects by year,
-- and the sessions of a project in date order.
CREATE INDEX teachers_training_projects_year ON teachers_training_projects (year);
CREATE INDEX teachers_training_sessions_dates ON teachers_training_sessions (project_id, starts_on);

-- The compliance check sums each teacher's hours in a cycle in one grouped
-- pass: with the hours in the index it reads the index alone, in staff
-- order, never the table (see docs/PERFORMANCE.md).
CREATE INDEX teachers_training_attendance_hours ON teachers_training_attendance (staff_id, attended_on, hours);
