//! Pure rules of fitness reports: report cards, reports by class, school, township and district, charts and indicators.
