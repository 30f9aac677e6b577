//! Recording, scoring, import and export of fitness results.
