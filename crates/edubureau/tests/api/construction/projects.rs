//! Construction projects (tests added with the part).
