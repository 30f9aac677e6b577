//! The one pager (分页) every list uses: "共 N 条", "第 x / n 页", previous
//! and next, and a jump to any page, with links that keep the list's
//! filters.

use maud::{html, Markup};

/// The filters of a list as query pairs; empty values are left out, so a
/// filter left on "全部" does not show up in links.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters(Vec<(&'static str, String)>);

impl Filters {
    pub fn new() -> Filters {
        Filters::default()
    }

    /// Adds `key=value` unless the value is absent or blank.
    pub fn with(mut self, key: &'static str, value: Option<impl ToString>) -> Filters {
        if let Some(v) = value.map(|v| v.to_string()) {
            if !v.trim().is_empty() {
                self.0.push((key, v));
            }
        }
        self
    }

    /// The query string (without `?`) for `page`; page 1 is left out.
    pub fn query(&self, page: i64) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.0 {
            s.append_pair(k, v);
        }
        if page > 1 {
            s.append_pair("page", &page.to_string());
        }
        s.finish()
    }

    /// `path` with the filters and `page`.
    pub fn href(&self, path: &str, page: i64) -> String {
        match self.query(page) {
            q if q.is_empty() => path.to_string(),
            q => format!("{path}?{q}"),
        }
    }

    /// Hidden inputs that carry the filters through a GET form.
    fn hidden(&self) -> Markup {
        html! { @for (k, v) in &self.0 { input type="hidden" name=(k) value=(v); } }
    }
}

/// Where a list stands: which page, how many per page, how many in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pager {
    pub page: i64,
    pub per_page: i64,
    pub total: i64,
}

impl Pager {
    /// A pager with the page clamped to the pages there are.
    pub fn new(page: i64, per_page: i64, total: i64) -> Pager {
        let per_page = per_page.max(1);
        let total = total.max(0);
        let mut p = Pager {
            page: 1,
            per_page,
            total,
        };
        p.page = page.clamp(1, p.pages());
        p
    }

    /// The number of pages; an empty list still has page 1.
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }

    /// The rows to skip for this page.
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }

    /// "共 N 条", then, when there is more than one page, previous, next,
    /// "第 x / n 页" and a jump form that keeps the filters.
    pub fn view(&self, path: &str, filters: &Filters) -> Markup {
        let pages = self.pages();
        html! {
            div.pager {
                span.total { "共 " (self.total) " 条" }
                @if pages > 1 {
                    @if self.page > 1 { a rel="prev" href=(filters.href(path, self.page - 1)) { "上一页" } }
                    span { "第 " (self.page) " / " (pages) " 页" }
                    @if self.page < pages { a rel="next" href=(filters.href(path, self.page + 1)) { "下一页" } }
                    form.inline.jump method="get" action=(path) {
                        (filters.hidden())
                        label { "跳到第 " input type="number" name="page" min="1" max=(pages) value=(self.page); " 页" }
                        button.secondary type="submit" { "跳转" }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pages_round_up_and_an_empty_list_has_one() {
        assert_eq!(Pager::new(1, 50, 0).pages(), 1);
        assert_eq!(Pager::new(1, 50, 50).pages(), 1);
        assert_eq!(Pager::new(1, 50, 51).pages(), 2);
        assert_eq!(Pager::new(3, 50, 101).offset(), 100);
    }

    #[test]
    fn pages_out_of_range_are_clamped() {
        assert_eq!(Pager::new(0, 50, 120).page, 1);
        assert_eq!(Pager::new(-4, 50, 120).page, 1);
        assert_eq!(Pager::new(99, 50, 120).page, 3);
        assert_eq!(Pager::new(2, 0, 5).per_page, 1);
    }

    #[test]
    fn links_keep_the_filters_and_drop_blanks() {
        let f = Filters::new()
            .with("q", Some("实验 小学"))
            .with("category", Some(""))
            .with("township_id", Some(7))
            .with("status", None::<String>);
        assert_eq!(
            f.href("/x", 1),
            "/x?q=%E5%AE%9E%E9%AA%8C+%E5%B0%8F%E5%AD%A6&township_id=7"
        );
        assert_eq!(Filters::new().href("/x", 1), "/x");
        let html = Pager::new(2, 10, 35).view("/x", &f).into_string();
        assert!(html.contains("共 35 条") && html.contains("第 2 / 4 页"));
        assert!(html.contains("township_id=7&amp;page=3"));
        assert!(html.contains(r#"name="township_id" value="7""#));
    }

    #[test]
    fn one_page_shows_only_the_total() {
        let html = Pager::new(1, 50, 3)
            .view("/x", &Filters::new())
            .into_string();
        assert!(html.contains("共 3 条") && !html.contains("跳转"));
    }

    proptest! {
        #[test]
        fn links_round_trip_through_the_query_parser(
            q in "\\PC{0,12}", town in proptest::option::of(1i64..500), page in 1i64..1000,
        ) {
            let f = Filters::new().with("q", Some(&q)).with("township_id", town);
            let href = f.href("/list", page);
            let query = href.split_once('?').map(|(_, q)| q).unwrap_or("");
            let back: Vec<(String, String)> =
                url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
            let mut want: Vec<(String, String)> =
                f.0.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
            if page > 1 {
                want.push(("page".into(), page.to_string()));
            }
            prop_assert_eq!(back, want);
        }
    }
}
