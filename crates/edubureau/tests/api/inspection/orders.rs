//! Rectification orders (整改通知书): numbering, the loop of response and
//! re-check with its refusals, the list's filters, overdue orders in both
//! inboxes, the figures the areas publish, the printable notice, scoping.

pub mod fixtures;

mod figures;
mod flow;
mod list;
mod notice;
mod scoping;
