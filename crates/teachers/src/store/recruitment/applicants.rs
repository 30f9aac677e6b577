//! 报考人员 rows, reached through their post's institution.

use chrono::{NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::recruitment::{ApplicantId, PlanId, PostId, Score};

/// An applicant with the post applied for. `national_id` is in full here;
/// the service masks it for roles that see it masked.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ApplicantRow {
    pub id: ApplicantId,
    pub plan_id: PlanId,
    pub post_id: PostId,
    pub institution_id: InstitutionId,
    pub name: String,
    /// 身份证件号
    pub national_id: String,
    /// 学历
    pub education: String,
    /// 教师资格证种类 and 任教学科
    pub certificate_type: String,
    pub certificate_subject: String,
    /// 笔试成绩, 面试成绩 (hundredths of a point)
    #[schema(value_type = Option<i64>)]
    pub written_score: Option<Score>,
    #[schema(value_type = Option<i64>)]
    pub interview_score: Option<Score>,
    /// The staff record made on hire.
    pub staff_id: Option<i64>,
    pub hired_on: Option<NaiveDate>,
}

fn select(scope: &Scope) -> Sql {
    scope.restrict(
        Sql::new("SELECT a.id, a.plan_id, a.post_id, t.institution_id, a.name, a.national_id, a.education, a.certificate_type, a.certificate_subject, a.written_score, a.interview_score, a.staff_id, a.hired_on \
             FROM teachers_recruitment_applicants a JOIN teachers_recruitment_posts t ON t.id = a.post_id WHERE 1 = 1"),
        "t.institution_id",
    )
}

pub async fn of_post(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    post: PostId,
) -> Result<Vec<ApplicantRow>, DbError> {
    ex.into()
        .fetch_all(
            select(scope)
                .push(" AND a.post_id = ")
                .bind(post)
                .push(" ORDER BY a.id"),
        )
        .await
}

pub async fn of_plan(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    plan: PlanId,
) -> Result<Vec<ApplicantRow>, DbError> {
    ex.into()
        .fetch_all(
            select(scope)
                .push(" AND a.plan_id = ")
                .bind(plan)
                .push(" ORDER BY a.post_id, a.id"),
        )
        .await
}

pub async fn applicant(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: ApplicantId,
) -> Result<ApplicantRow, DbError> {
    ex.into()
        .fetch_one(select(scope).push(" AND a.id = ").bind(id))
        .await
}

/// An application as entered (national ID validated).
pub struct NewApplicant<'a> {
    pub name: &'a str,
    pub national_id: &'a str,
    pub education: &'a str,
    pub certificate_type: &'a str,
    pub certificate_subject: &'a str,
}

pub async fn create_applicant(
    tx: &mut Tx,
    plan: PlanId,
    post: PostId,
    a: &NewApplicant<'_>,
) -> Result<ApplicantId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO teachers_recruitment_applicants (plan_id, post_id, name, national_id, education, certificate_type, certificate_subject, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
            .arg(plan)
            .arg(post)
            .arg(a.name)
            .arg(a.national_id)
            .arg(a.education)
            .arg(a.certificate_type)
            .arg(a.certificate_subject)
            .arg(Utc::now()),
    )
    .await
    .map(ApplicantId)
}

pub async fn set_scores(
    tx: &mut Tx,
    id: ApplicantId,
    written: Option<Score>,
    interview: Option<Score>,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE teachers_recruitment_applicants SET written_score = $1, interview_score = $2 WHERE id = $3")
            .arg(written.map(|s| s.0))
            .arg(interview.map(|s| s.0))
            .arg(id),
    )
    .await?;
    Ok(())
}
