//! Emergency plans (应急预案) and drills (应急演练): the compliance view
//! against "at least two drills a year", plans as versions with reviews,
//! the inbox, bad input, and scoping.

mod compliance;
mod plans;
mod scoping;
