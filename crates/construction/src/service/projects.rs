//! Services of construction projects: phases, funding, contracts and payments, the timeline.
