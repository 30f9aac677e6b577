//! Storage of emergency plans (应急预案) and drills (应急演练), and the
//! drill count of every institution in a year. Reads take the caller's
//! `Scope`.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::drills::{DrillDraft, DrillId, EmergencyType, PlanDraft, PlanId};

/// The plan in force (its highest version) of an institution for a type.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Plan {
    pub id: PlanId,
    pub institution_id: i64,
    pub institution_name: String,
    pub plan_type: EmergencyType,
    pub version: i64,
    pub title: String,
    pub approved_on: NaiveDate,
    pub review_on: NaiveDate,
}

/// A drill as the log shows it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Drill {
    pub id: DrillId,
    pub institution_id: i64,
    pub institution_name: String,
    pub drilled_on: NaiveDate,
    pub drill_type: EmergencyType,
    pub participants: i64,
    pub duration_minutes: i64,
    pub evaluation: String,
}

/// An institution's drills in a year.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct DrillCount {
    pub institution_id: i64,
    pub institution_name: String,
    pub township_id: i64,
    pub township_name: String,
    pub drills: i64,
}

/// Plans in force only: no later version of the same institution and type.
const CURRENT: &str = " AND p.version = (SELECT MAX(q.version) FROM safety_plans q \
     WHERE q.institution_id = p.institution_id AND q.plan_type = p.plan_type)";

/// Stores a new version of the plan (one more than the last) and returns
/// its id and version.
pub async fn insert_plan(
    tx: &mut Tx,
    institution_id: i64,
    d: &PlanDraft,
    by: Option<i64>,
) -> Result<(PlanId, i64), DbError> {
    let version = tx
        .scalar(
            Sql::new(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM safety_plans WHERE institution_id = ",
            )
            .bind(institution_id)
            .push(" AND plan_type = ")
            .bind(d.plan_type),
        )
        .await?;
    let q = Sql::new(
        "INSERT INTO safety_plans (institution_id, plan_type, version, title, approved_on, \
         review_on, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.plan_type)
    .arg(version)
    .arg(d.title.as_str())
    .arg(d.approved_on)
    .arg(d.review_on)
    .arg(by)
    .arg(platform::time::now());
    Ok((PlanId(tx.scalar(q).await?), version))
}

/// The plans in force, of one institution or all in scope; with
/// `review_before`, only those whose review date is before that day.
pub async fn plans<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    institution: Option<i64>,
    review_before: Option<NaiveDate>,
) -> Result<Vec<Plan>, DbError> {
    let mut q = Sql::new(
        "SELECT p.id, p.institution_id, i.name AS institution_name, p.plan_type, p.version, \
         p.title, p.approved_on, p.review_on FROM safety_plans p \
         JOIN institutions i ON i.id = p.institution_id WHERE 1=1",
    )
    .push(CURRENT);
    if let Some(id) = institution {
        q = q.push(" AND p.institution_id = ").bind(id);
    }
    if let Some(day) = review_before {
        q = q.push(" AND p.review_on < ").bind(day);
    }
    let q = scope
        .restrict(q, "p.institution_id")
        .push(" ORDER BY i.name, p.plan_type")
        .limit(super::hazards::LIST_LIMIT * 4, 0);
    ex.into().fetch_all(q).await
}

/// How many plans in force are past their review date.
pub async fn overdue_reviews<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    today: NaiveDate,
) -> Result<i64, DbError> {
    let q = scope.restrict(
        Sql::new("SELECT COUNT(*) FROM safety_plans p WHERE 1=1")
            .push(CURRENT)
            .push(" AND p.review_on < ")
            .bind(today),
        "p.institution_id",
    );
    ex.into().scalar(q).await
}

pub async fn insert_drill(
    tx: &mut Tx,
    institution_id: i64,
    d: &DrillDraft,
    by: Option<i64>,
) -> Result<DrillId, DbError> {
    let q = Sql::new(
        "INSERT INTO safety_drills (institution_id, drilled_on, drill_type, participants, \
         duration_minutes, evaluation, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .arg(institution_id)
    .arg(d.drilled_on)
    .arg(d.drill_type)
    .arg(d.participants)
    .arg(d.duration_minutes)
    .arg(d.evaluation.as_str())
    .arg(by)
    .arg(platform::time::now());
    Ok(DrillId(tx.scalar(q).await?))
}

/// The drills between two days (inclusive), newest first.
pub async fn drills<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    institution: Option<i64>,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<Drill>, DbError> {
    let mut q = Sql::new(
        "SELECT d.id, d.institution_id, i.name AS institution_name, d.drilled_on, d.drill_type, \
         d.participants, d.duration_minutes, d.evaluation FROM safety_drills d \
         JOIN institutions i ON i.id = d.institution_id WHERE d.drilled_on >= ",
    )
    .bind(from)
    .push(" AND d.drilled_on <= ")
    .bind(to);
    if let Some(id) = institution {
        q = q.push(" AND d.institution_id = ").bind(id);
    }
    let q = scope
        .restrict(q, "d.institution_id")
        .push(" ORDER BY d.drilled_on DESC, d.id DESC")
        .limit(super::hazards::LIST_LIMIT * 4, 0);
    ex.into().fetch_all(q).await
}

/// Every licensed institution running (in scope, of one township if
/// given) with its drills between two days, by township and name.
pub async fn counts<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    township: Option<i64>,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<DrillCount>, DbError> {
    let mut q = Sql::new(
        "SELECT i.id AS institution_id, i.name AS institution_name, t.id AS township_id, \
         t.name AS township_name, COUNT(d.id) AS drills FROM institutions i \
         JOIN townships t ON t.id = i.township_id \
         LEFT JOIN safety_drills d ON d.institution_id = i.id AND d.drilled_on >= ",
    )
    .bind(from)
    .push(" AND d.drilled_on <= ")
    .bind(to)
    .push(" WHERE i.status = 'active' AND i.licence = 'licensed'");
    if let Some(id) = township {
        q = q.push(" AND i.township_id = ").bind(id);
    }
    let q = scope
        .restrict(q, "i.id")
        .push(" GROUP BY i.id, i.name, t.id, t.name, t.code ORDER BY t.code, i.name");
    ex.into().fetch_all(q).await
}

/// The institution of a drill, if the scope sees it.
pub async fn institution_of<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: DrillId,
) -> Result<Option<i64>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        institution_id: i64,
    }
    let q = scope.restrict(
        Sql::new("SELECT d.institution_id FROM safety_drills d WHERE d.id = ").bind(id),
        "d.institution_id",
    );
    let row: Option<Row> = ex.into().fetch_optional(q).await?;
    Ok(row.map(|r| r.institution_id))
}
