//! The demo district's students.
