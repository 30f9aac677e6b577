//! 统计: totals of approved and paid batches by program, institution,
//! township, stage or term, with 人次 and 人数, and budget use.

use platform::auth::{Bureau, Scope};
use platform::db::{Db, DbError, Sql};
use serde::{Deserialize, Serialize};

use crate::domain::{BatchId, ProgramId};

/// What a report groups by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    #[default]
    Program,
    Institution,
    Township,
    Stage,
    Term,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Program,
        Dimension::Institution,
        Dimension::Township,
        Dimension::Stage,
        Dimension::Term,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Dimension::Program => "program",
            Dimension::Institution => "institution",
            Dimension::Township => "township",
            Dimension::Stage => "stage",
            Dimension::Term => "term",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Dimension::Program => "资助项目",
            Dimension::Institution => "学校",
            Dimension::Township => "乡镇（街道）",
            Dimension::Stage => "学段",
            Dimension::Term => "学期",
        }
    }

    /// (sort key, label) expressions.
    fn exprs(self) -> (&'static str, &'static str) {
        match self {
            Dimension::Program => ("l.program_id", "p.name"),
            Dimension::Institution => ("l.institution_id", "i.name"),
            Dimension::Township => ("i.township_id", "t.name"),
            Dimension::Stage => ("l.grade", "CASE WHEN l.grade <= 0 THEN '学前' WHEN l.grade <= 6 THEN '小学' WHEN l.grade <= 9 THEN '初中' ELSE '高中' END"),
            Dimension::Term => ("l.term", "CAST(l.term AS TEXT)"),
        }
    }
}

/// Filters of a report; all optional.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct ReportFilter {
    /// program, institution, township, stage or term.
    pub by: Dimension,
    /// 20251 = 2025—2026学年第一学期.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub term: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub program_id: Option<i64>,
    /// Count only paid batches (default: approved and paid).
    pub paid_only: bool,
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ReportRow {
    pub sort_key: i64,
    pub label: String,
    /// Fen.
    pub amount: i64,
    /// 人次: payments less reversals.
    pub person_times: i64,
    /// 人数: distinct students with a payment not reversed.
    pub persons: i64,
}

/// The report's query: grouped by `label` (with `sort` its key), or one
/// row over everything when `label` is a constant.
fn report_sql(scope: &Scope, f: &ReportFilter, sort: &str, label: &str) -> Sql {
    let statuses = if f.paid_only {
        "('paid')"
    } else {
        "('approved', 'paid')"
    };
    let mut q = Sql::new(format!(
        "SELECT CAST(MIN({sort}) AS BIGINT) AS sort_key, {label} AS label, CAST(COALESCE(SUM(l.amount), 0) AS BIGINT) AS amount, CAST(COALESCE(SUM(CASE WHEN l.kind = 'payment' THEN 1 ELSE -1 END), 0) AS BIGINT) AS person_times, CAST(COUNT(DISTINCT CASE WHEN l.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM aid_ledger r JOIN aid_batches rb ON rb.id = r.batch_id WHERE r.kind = 'reversal' AND r.reverses_id = l.id AND rb.status IN {statuses}) THEN l.student_id END) AS BIGINT) AS persons FROM aid_ledger l JOIN aid_batches b ON b.id = l.batch_id JOIN aid_programs p ON p.id = l.program_id JOIN institutions i ON i.id = l.institution_id JOIN townships t ON t.id = i.township_id WHERE b.status IN {statuses}"
    ));
    if let Some(t) = f.term {
        q = q.push(" AND l.term = ").bind(t);
    }
    if let Some(p) = f.program_id {
        q = q.push(" AND l.program_id = ").bind(p);
    }
    scope.restrict(q, "l.institution_id")
}

pub async fn totals(db: &Db, scope: &Scope, f: &ReportFilter) -> Result<Vec<ReportRow>, DbError> {
    let (sort, label) = f.by.exprs();
    let mut rows: Vec<ReportRow> = db
        .fetch_all(report_sql(scope, f, sort, label).push(&format!(" GROUP BY {label} ORDER BY 1")))
        .await?;
    if f.by == Dimension::Term {
        for r in &mut rows {
            r.label = crate::domain::term::label(r.sort_key);
        }
    }
    Ok(rows)
}

/// The 合计 row: amounts and 人次 add up, but 人数 counts each student once
/// over all groups (a student in two schools or programs is one person).
pub async fn overall(db: &Db, scope: &Scope, f: &ReportFilter) -> Result<ReportRow, DbError> {
    db.fetch_one(report_sql(scope, f, "0", "'合计'")).await
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct BudgetRow {
    pub program_id: ProgramId,
    pub name: String,
    /// 每学年预算, fen; 0 = none set.
    pub budget: i64,
    /// Used in approved and paid batches of the school year, fen.
    pub used: i64,
}

/// Budget against use in `school_year`.
pub async fn budget(db: &Db, scope: &Scope, school_year: i64) -> Result<Vec<BudgetRow>, DbError> {
    let inner = scope.restrict(
        Sql::new("SELECT l.program_id, SUM(l.amount) AS used FROM aid_ledger l JOIN aid_batches b ON b.id = l.batch_id WHERE b.status IN ('approved', 'paid') AND l.term BETWEEN ")
            .bind(school_year * 10)
            .push(" AND ")
            .bind(school_year * 10 + 9),
        "l.institution_id",
    );
    db.fetch_all(
        inner
            .wrap("SELECT p.id AS program_id, p.name, p.budget, CAST(COALESCE(u.used, 0) AS BIGINT) AS used FROM aid_programs p LEFT JOIN (", " GROUP BY l.program_id) u ON u.program_id = p.id ORDER BY p.id"),
    )
    .await
}

/// Per program of one batch.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ProgramSum {
    pub program_id: ProgramId,
    pub name: String,
    pub rows: i64,
    /// Fen.
    pub amount: i64,
}

pub async fn batch_summary(
    bureau: &Bureau<'_>,
    batch: BatchId,
) -> Result<Vec<ProgramSum>, DbError> {
    bureau.db().fetch_all(
        Sql::new("SELECT p.id AS program_id, p.name, CAST(COUNT(*) AS BIGINT) AS rows, CAST(SUM(l.amount) AS BIGINT) AS amount FROM aid_ledger l JOIN aid_programs p ON p.id = l.program_id WHERE l.batch_id = ")
            .bind(batch)
            .push(" GROUP BY p.id, p.name ORDER BY p.id"),
    )
    .await
}
