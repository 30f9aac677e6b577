//! Pure rules of campaigns: totals of a campaign summary.
