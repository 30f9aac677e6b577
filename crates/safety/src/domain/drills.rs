//! Pure rules of emergency plans (应急预案) per hazard type with review dates, and drills (演练) with the two-a-year compliance view.
