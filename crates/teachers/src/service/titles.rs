//! The teachers area: titles.
