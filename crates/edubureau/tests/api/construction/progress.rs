//! Progress reports (tests added with the part).
