//! Services of school buses (校车): vehicles, drivers, licence expiry, routes, expiry alerts.
