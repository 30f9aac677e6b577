//! The inspection mechanism shared by supervision, private education and safety: frameworks, campaigns, orders and evidence files.

mod campaigns;
mod evidence;
mod frameworks;
mod orders;
