//! 教职工名单: the staff list, filtered, paged and scoped in SQL. A school
//! sees the people who work there now (`teachers_staff.workplace_id`, kept
//! by the triggers of migration 0640: the open posting's institution,
//! 支教 and 交流 arrivals included, else the employing institution); the
//! bureau sees everyone.

mod filter;
pub mod overview;

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};
use serde::Serialize;

pub use filter::{is_id_number, Backbone, Search, StaffFilter, StaffQuery};

use crate::domain::{
    BackboneLevel, Establishment, PostingKind, StaffStatus, TitleLevel, TitleSeries,
};

/// Rows on one page of the list.
pub const PAGE_SIZE: i64 = 50;

/// A line of the staff list.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct StaffRow {
    pub id: i64,
    pub name: String,
    /// male or female.
    pub sex: String,
    /// In full, or masked for roles that do not see personal details.
    pub national_id: String,
    /// Stored; callers read `birth`.
    #[serde(skip)]
    pub birth_date: NaiveDate,
    /// 出生日期 as this caller may see it: the date, or the year only.
    #[sqlx(skip)]
    #[serde(rename = "birth_date")]
    pub birth: String,
    /// Where the person works now.
    pub workplace_id: Option<i64>,
    pub workplace_name: Option<String>,
    /// The employing institution (人事关系).
    pub employer_id: i64,
    pub employer_name: String,
    /// The open posting: 任职, 调动, 交流轮岗, 支教, 对口支援.
    pub posting_kind: Option<PostingKind>,
    /// Where an open posting outside the district's institutions is.
    pub posting_destination: Option<String>,
    /// 任教学段 (preschool, primary, junior, senior, vocational).
    pub stage: Option<String>,
    pub subjects: String,
    pub title_series: Option<TitleSeries>,
    pub title_level: TitleLevel,
    pub establishment: Establishment,
    pub backbone_level: Option<BackboneLevel>,
    /// 专任教师.
    pub full_time: bool,
    pub status: StaffStatus,
}

impl StaffRow {
    /// The title as the bureau writes it (中学高级).
    pub fn title(&self) -> String {
        crate::domain::title_label(self.title_series, self.title_level)
    }
}

/// One page of the list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffPage {
    pub items: Vec<StaffRow>,
    /// How many match: counted for one institution's list; known for any
    /// list from its last page; otherwise absent (a district-wide list of
    /// a hundred thousand people pages without counting them).
    pub total: Option<i64>,
    pub has_next: bool,
    pub page: i64,
    pub per_page: i64,
}

const ROW: &str = "SELECT s.id, s.name, s.sex, s.national_id, s.birth_date, s.workplace_id, w.name AS workplace_name, s.institution_id AS employer_id, e.name AS employer_name, p.kind AS posting_kind, p.destination AS posting_destination, s.stage, s.subjects, s.title_series, s.title_level, s.establishment, s.backbone_level, s.full_time, s.status FROM teachers_staff s LEFT JOIN institutions w ON w.id = s.workplace_id JOIN institutions e ON e.id = s.institution_id LEFT JOIN teachers_postings p ON p.staff_id = s.id AND p.ends_on IS NULL";

/// `select` (ending in its FROM clause, staff as `s`) with the scope and
/// every filter of `f`.
fn filtered(select: &str, scope: &Scope, f: &StaffQuery) -> Sql {
    let mut q = Sql::new(select);
    if let Some(t) = f.township_id {
        // A join, not `IN (…)`: both databases then start from the
        // township's few institutions and read their staff by workplace.
        q = q
            .push(" JOIN institutions ti ON ti.id = s.workplace_id AND ti.township_id = ")
            .bind(t);
    }
    let mut q = scope.restrict(q.push(" WHERE 1 = 1"), "s.workplace_id");
    if let Some(status) = f.status {
        q = q.push(" AND s.status = ").bind(status);
    }
    if let Some(id) = f.institution_id {
        q = q.push(" AND s.workplace_id = ").bind(id);
    }
    if let Some(stage) = f.stage {
        q = q.push(" AND s.stage = ").bind(stage.key());
    }
    if let Some(subject) = &f.subject {
        q = q.and_any_contains(&["s.subjects"], subject);
    }
    if let Some(level) = f.title_level {
        q = q.push(" AND s.title_level = ").bind(level);
    }
    if let Some(e) = f.establishment {
        q = q.push(" AND s.establishment = ").bind(e);
    }
    match f.backbone {
        Some(Backbone::Level(l)) => q = q.push(" AND s.backbone_level = ").bind(l),
        Some(Backbone::Any) => q = q.push(" AND s.backbone_level IS NOT NULL"),
        None => {}
    }
    if let Some(full_time) = f.full_time {
        q = q.push(" AND s.full_time = ").bind(full_time);
    }
    match &f.search {
        Some(Search::NationalId(n)) => q = q.push(" AND s.national_id = ").bind(n.as_str()),
        // A prefix as a range, so the name index serves it on both databases.
        Some(Search::Name(text)) => {
            q = q
                .push(" AND s.name >= ")
                .bind(text.as_str())
                .push(" AND s.name < ")
                .bind(format!("{text}\u{10FFFF}"))
        }
        None => {}
    }
    q
}

fn order(f: &StaffQuery) -> &'static str {
    if f.descending {
        " ORDER BY s.name DESC, s.id DESC"
    } else {
        " ORDER BY s.name, s.id"
    }
}

/// One page of the list. A page fetches one row more than it shows to
/// know whether another follows.
pub async fn list(db: &Db, scope: &Scope, f: &StaffQuery) -> Result<StaffPage, DbError> {
    let mut items: Vec<StaffRow> = db
        .fetch_all(
            filtered(ROW, scope, f)
                .push(order(f))
                .limit(PAGE_SIZE + 1, (f.page - 1) * PAGE_SIZE),
        )
        .await?;
    let has_next = items.len() as i64 > PAGE_SIZE;
    items.truncate(PAGE_SIZE as usize);
    let one_institution = scope.institution().is_some() || f.institution_id.is_some();
    let total = match last_page_total(f.page, items.len(), has_next) {
        Some(n) => Some(n),
        // One institution's people, read through the workplace index.
        None if one_institution => Some(
            db.scalar(filtered("SELECT COUNT(*) FROM teachers_staff s", scope, f))
                .await?,
        ),
        None => None,
    };
    Ok(StaffPage {
        items,
        total,
        has_next,
        page: f.page,
        per_page: PAGE_SIZE,
    })
}

/// The total a page tells by itself: on the last page, the rows before it
/// and its own (not on an empty page past the end, which does not know
/// where the end was).
fn last_page_total(page: i64, rows: usize, has_next: bool) -> Option<i64> {
    (!has_next && (rows > 0 || page == 1)).then(|| (page - 1) * PAGE_SIZE + rows as i64)
}

/// Every matching row (exports), in list order.
pub async fn list_all(db: &Db, scope: &Scope, f: &StaffQuery) -> Result<Vec<StaffRow>, DbError> {
    db.fetch_all(filtered(ROW, scope, f).push(order(f))).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use platform::InstitutionId;

    #[test]
    fn the_last_page_knows_the_total() {
        assert_eq!(last_page_total(1, 0, false), Some(0));
        assert_eq!(last_page_total(1, 14, false), Some(14));
        assert_eq!(last_page_total(3, 7, false), Some(107));
        assert_eq!(last_page_total(3, 0, false), None, "past the end");
        assert_eq!(last_page_total(1, 50, true), None);
        assert_eq!(last_page_total(2, 50, true), None);
    }

    #[test]
    fn a_school_is_scoped_to_where_people_work_now() {
        let f = StaffFilter::default().check().unwrap();
        let q = filtered(
            "SELECT 1 FROM teachers_staff s",
            &Scope::Institution(InstitutionId(4)),
            &f,
        );
        assert_eq!(
            q.text(),
            "SELECT 1 FROM teachers_staff s WHERE 1 = 1 AND s.workplace_id = $1 AND s.status = $2"
        );
    }

    #[test]
    fn every_filter_is_bound() {
        let f = StaffFilter {
            q: Some("王".into()),
            institution_id: Some(3),
            township_id: Some(2),
            stage: Some("primary".into()),
            subject: Some("语文".into()),
            title_level: Some("first".into()),
            establishment: Some("in_quota".into()),
            backbone_level: Some("any".into()),
            status: Some("all".into()),
            full_time: Some("yes".into()),
            sort: Some("-name".into()),
            page: Some(2),
        }
        .check()
        .unwrap();
        let q = filtered("S FROM teachers_staff s", &Scope::All, &f);
        let text = q.text();
        for part in [
            "ti.township_id = $1 WHERE",
            "s.workplace_id = $2",
            "s.stage = $3",
            "s.subjects LIKE $4",
            "s.title_level = $5",
            "s.establishment = $6",
            "s.backbone_level IS NOT NULL",
            "s.full_time = $7",
            "s.name >= $8 AND s.name < $9",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        assert!(!text.contains("s.status"));
        assert_eq!(order(&f), " ORDER BY s.name DESC, s.id DESC");
    }
}
