//! The teachers area: teams.
