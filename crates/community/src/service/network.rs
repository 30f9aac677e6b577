//! Services of the network of community college, schools and teaching points with their standardisation status; the start page.
