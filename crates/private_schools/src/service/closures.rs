//! Services of closure of a private school and what happens to its pupils.
