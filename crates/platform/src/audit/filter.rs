//! What a reader of the audit log asks for: the filters of the page, the
//! export and the API, as typed in a query string.

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::error::AppError;
use crate::web::forms::non_empty;
use crate::web::pager::Filters;

/// Changes, or views and exports, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Everything that changed something (and logins).
    Changes,
    /// 查看 and 导出: who read or took away which records.
    Views,
    All,
}

impl Kind {
    pub const TABS: [Kind; 3] = [Kind::Changes, Kind::Views, Kind::All];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Changes => "changes",
            Kind::Views => "views",
            Kind::All => "all",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Changes => "变更记录",
            Kind::Views => "查看与导出记录",
            Kind::All => "全部",
        }
    }

    /// An unknown or missing key means everything.
    pub fn parse(s: &str) -> Kind {
        Kind::TABS
            .into_iter()
            .find(|k| k.key() == s)
            .unwrap_or(Kind::All)
    }
}

/// `start` ≤ at < `end`; an open end is unbounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize, utoipa::IntoParams)]
pub struct AuditFilter {
    /// Kind of record, e.g. `institution`.
    pub entity: Option<String>,
    #[serde(default, deserialize_with = "crate::web::forms::empty_as_none")]
    pub entity_id: Option<i64>,
    /// The exact username of the actor.
    pub username: Option<String>,
    /// Part of the actor's username or display name (姓名).
    pub user: Option<String>,
    /// create, update, delete, import, login, password, view, export.
    pub action: Option<String>,
    /// The institution the record belongs to.
    #[serde(default, deserialize_with = "crate::web::forms::empty_as_none")]
    pub institution_id: Option<i64>,
    /// First day, Beijing time (2026-09-01).
    pub from: Option<String>,
    /// Last day, Beijing time, included.
    pub to: Option<String>,
    /// `changes`, `views` or `all` (the default of the API; the page opens
    /// on changes).
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "crate::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

impl AuditFilter {
    pub fn kind(&self) -> Kind {
        Kind::parse(non_empty(&self.kind).unwrap_or(""))
    }

    pub fn page(&self) -> i64 {
        self.page.unwrap_or(1).max(1)
    }

    /// The instants the date range covers: from the first day's Beijing
    /// midnight up to (not including) the midnight after the last day.
    pub fn range(&self) -> Result<Span, AppError> {
        let from = day(&self.from, "起始日期")?;
        let to = day(&self.to, "截止日期")?;
        let start = from.map(|d| crate::time::from_local(d.and_time(chrono::NaiveTime::MIN)));
        let end = to
            .and_then(|d| d.checked_add_days(Days::new(1)))
            .map(|d| crate::time::from_local(d.and_time(chrono::NaiveTime::MIN)));
        Ok(Span { start, end })
    }

    /// The filter as query pairs (without the page), for links, the
    /// pager and the export.
    pub fn filters(&self) -> Filters {
        Filters::new()
            .with("kind", self.kind.as_ref())
            .with("entity", self.entity.as_ref())
            .with("entity_id", self.entity_id)
            .with("action", self.action.as_ref())
            .with("username", self.username.as_ref())
            .with("user", self.user.as_ref())
            .with("institution_id", self.institution_id)
            .with("from", self.from.as_ref())
            .with("to", self.to.as_ref())
    }
}

fn day(v: &Option<String>, what: &str) -> Result<Option<NaiveDate>, AppError> {
    non_empty(v)
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                AppError::BadRequest(format!("{what}“{s}”无效，请按 2026-09-01 的格式填写"))
            })
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(from: &str, to: &str) -> AuditFilter {
        AuditFilter {
            from: Some(from.into()),
            to: Some(to.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_date_range_means_whole_days_in_beijing_time() {
        let span = filter("2026-09-01", "2026-09-02").range().expect("valid");
        assert_eq!(
            span.start,
            Some("2026-08-31T16:00:00Z".parse().expect("time"))
        );
        assert_eq!(
            span.end,
            Some("2026-09-02T16:00:00Z".parse().expect("time"))
        );
        assert_eq!(filter("", " ").range().expect("blank"), Span::default());
        let bad = filter("2026-13-01", "").range().expect_err("invalid");
        assert!(bad.to_string().contains("起始日期“2026-13-01”无效"));
    }

    #[test]
    fn tabs_and_links_keep_the_filter() {
        assert_eq!(AuditFilter::default().kind(), Kind::All);
        assert_eq!(Kind::parse("views"), Kind::Views);
        let f = AuditFilter {
            kind: Some("views".into()),
            user: Some("张 三".into()),
            institution_id: Some(7),
            ..Default::default()
        };
        assert_eq!(
            f.filters().query(2),
            "kind=views&user=%E5%BC%A0+%E4%B8%89&institution_id=7&page=2"
        );
        assert_eq!(
            f.filters().query(1),
            "kind=views&user=%E5%BC%A0+%E4%B8%89&institution_id=7"
        );
    }
}
