//! Tests of buildings, the 危房 list, assets and procurement.
