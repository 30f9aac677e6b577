//! Reports of the fitness area.
