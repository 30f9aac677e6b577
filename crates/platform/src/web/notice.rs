//! The one flash notice (提示): after a redirect, a page shows a short
//! Chinese sentence chosen by the key in `?notice=KEY`. Each page or area
//! keeps its own table of keys; unknown keys show nothing.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use maud::{html, Markup};

/// An area's notices: key to the sentence shown.
pub type Notices = fn(&str) -> Option<&'static str>;

/// The `notice` query parameter of the request, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notice(pub Option<String>);

impl Notice {
    /// Reads `notice` from a query string (without the `?`).
    pub fn from_query(query: &str) -> Notice {
        Notice(
            url::form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == "notice")
                .map(|(_, v)| v.into_owned()),
        )
    }

    /// The sentence `table` gives for this notice's key.
    pub fn text(&self, table: Notices) -> Option<&'static str> {
        self.0.as_deref().and_then(table)
    }

    /// The notice rendered with `table`; nothing for an absent or unknown key.
    pub fn view(&self, table: Notices) -> Markup {
        notice_view(self.text(table))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Notice {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(Notice::from_query(parts.uri.query().unwrap_or("")))
    }
}

/// A notice line, as every page shows it.
pub fn notice_view(text: Option<&str>) -> Markup {
    html! { @if let Some(n) = text { p.notice role="status" { (n) } } }
}

/// The address `path` with `?notice=key`, for the redirect after a save.
pub fn with_notice(path: &str, key: &str) -> String {
    format!("{path}?notice={key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(key: &str) -> Option<&'static str> {
        Some(match key {
            "saved" => "已保存修改。",
            "created" => "已新增。",
            _ => return None,
        })
    }

    #[test]
    fn a_known_key_gives_its_sentence() {
        let n = Notice::from_query("q=%E5%AD%A6&notice=saved&page=2");
        assert_eq!(n.text(table), Some("已保存修改。"));
        assert!(n.view(table).into_string().contains("已保存修改。"));
    }

    #[test]
    fn unknown_or_absent_keys_show_nothing() {
        assert_eq!(Notice::from_query("notice=%3Cb%3E").text(table), None);
        assert_eq!(Notice::from_query("").text(table), None);
        assert_eq!(Notice::default().view(table).into_string(), "");
    }

    #[test]
    fn the_redirect_address_carries_the_key() {
        let href = with_notice("/institutions/3", "created");
        let query = href.split_once('?').map(|(_, q)| q).unwrap_or("");
        assert_eq!(Notice::from_query(query).text(table), Some("已新增。"));
    }
}
