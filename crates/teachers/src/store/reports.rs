//! What the staffing reports count: enrolled students and full-time
//! teachers at their current institution, within the caller's scope.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};
use platform::InstitutionId;

/// Students enrolled (not left) at an institution in one grade.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StudentCount {
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub school_type: String,
    pub grade: i64,
    pub students: i64,
}

pub async fn students(db: &Db, scope: &Scope) -> Result<Vec<StudentCount>, DbError> {
    let q = Sql::new(
        "SELECT e.institution_id, i.name AS institution_name, i.school_type, e.grade, COUNT(*) AS students \
         FROM students_enrolments e JOIN institutions i ON i.id = e.institution_id WHERE e.status <> 'left'",
    );
    let q = scope
        .restrict(q, "e.institution_id")
        .push(" GROUP BY e.institution_id, i.name, i.school_type, e.grade");
    db.fetch_all(q).await
}

/// A full-time, active teacher as the reports see them: where they work
/// now (their open posting) and the facts the reports group by.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TeacherFacts {
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub stage: Option<String>,
    pub birth_date: NaiveDate,
    pub education: String,
    pub subjects: String,
    pub title_series: Option<String>,
    pub title_level: String,
    pub backbone_level: Option<String>,
    pub backbone_to: Option<NaiveDate>,
}

pub async fn teachers(db: &Db, scope: &Scope) -> Result<Vec<TeacherFacts>, DbError> {
    let q = Sql::new(
        "SELECT p.institution_id, i.name AS institution_name, s.stage, s.birth_date, s.education, s.subjects, \
         s.title_series, s.title_level, s.backbone_level, s.backbone_to \
         FROM teachers_staff s JOIN teachers_postings p ON p.staff_id = s.id AND p.ends_on IS NULL \
         JOIN institutions i ON i.id = p.institution_id \
         WHERE s.status = 'active' AND s.full_time = TRUE",
    );
    db.fetch_all(scope.restrict(q, "p.institution_id")).await
}
