//! Information disclosure (信息公开): fee items and cards, the public pages
//! (with no personal data), the catalogue, requests with their deadlines,
//! and scoping.

mod demo;
mod fees;
mod requests;
