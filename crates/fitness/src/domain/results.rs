//! Pure rules of fitness test results: scoring, import and export in the national template.
