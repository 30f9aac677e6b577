//! Progress reports and photos.
