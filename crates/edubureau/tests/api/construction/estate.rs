//! Buildings, 危房, assets and procurement.
