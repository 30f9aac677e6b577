//! Pure rules of progress reports (形象进度) with photos, stalled and late projects, the reports and indicators of the area.
