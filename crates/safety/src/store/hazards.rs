//! Storage of hazards (隐患) reported by schools or found in checks, through the rectification loop; the start page and indicators.
