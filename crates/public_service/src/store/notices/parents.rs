//! Storage of notices to parents: the pupils a notice covers, the class
//! links (班级链接) parents open, and the receipts per pupil.

use chrono::{DateTime, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::notices::{NoticeId, ParentAudience};

const CURRENT: &str = "FROM students_enrolments e WHERE e.status <> 'left' AND e.institution_id = ";

fn pupils_filter(q: Sql, audience: &ParentAudience) -> Sql {
    match audience {
        ParentAudience::School => q,
        ParentAudience::Grade(g) => q.push(" AND e.grade = ").bind(*g),
        ParentAudience::Class { grade, class_name } => q
            .push(" AND e.grade = ")
            .bind(*grade)
            .push(" AND e.class_name = ")
            .bind(class_name.as_str()),
    }
}

/// How many pupils of an institution a notice to parents covers.
pub async fn pupils_covered<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
    audience: &ParentAudience,
) -> Result<i64, DbError> {
    let q = Sql::new(format!("SELECT COUNT(*) {CURRENT}")).bind(institution);
    ex.into().scalar(pupils_filter(q, audience)).await
}

/// A class's page for parents.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct ClassLink {
    pub code: String,
    pub institution_id: i64,
    pub institution_name: String,
    pub grade: i64,
    pub class_name: String,
}

const LINK: &str =
    "SELECT l.code, l.institution_id, i.name AS institution_name, l.grade, l.class_name \
     FROM public_class_links l JOIN institutions i ON i.id = l.institution_id WHERE ";

pub async fn link_by_code<'a>(
    ex: impl Into<Ex<'a>>,
    code: &str,
) -> Result<Option<ClassLink>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(format!("{LINK}l.code = ")).bind(code))
        .await
}

pub async fn link_of_class<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
    grade: i64,
    class_name: &str,
) -> Result<Option<ClassLink>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(format!("{LINK}l.institution_id = "))
                .bind(institution)
                .push(" AND l.grade = ")
                .bind(grade)
                .push(" AND l.class_name = ")
                .bind(class_name),
        )
        .await
}

pub async fn insert_link(
    tx: &mut Tx,
    code: &str,
    institution: i64,
    grade: i64,
    class_name: &str,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO public_class_links (code, institution_id, grade, class_name, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .arg(code)
        .arg(institution)
        .arg(grade)
        .arg(class_name)
        .arg(platform::time::now()),
    )
    .await?;
    Ok(())
}

/// A notice as parents see it: no sender account, no receipts.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct ParentNotice {
    pub id: NoticeId,
    pub title: String,
    pub body: String,
    pub audience_label: String,
    pub sent_at: DateTime<Utc>,
}

const PARENT_NOTICE: &str = "SELECT n.id, n.title, n.body, n.audience_label, n.sent_at \
     FROM public_notices n WHERE n.sender_institution_id = ";

/// The notices of an institution for the whole school or a grade (its
/// public page), newest first.
pub async fn public_notices<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
) -> Result<Vec<ParentNotice>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(PARENT_NOTICE)
                .bind(institution)
                .push(" AND n.audience IN ('school', 'grade') ORDER BY n.sent_at DESC, n.id DESC")
                .limit(50, 0),
        )
        .await
}

/// The notices that reach a class: the school's, its grade's and its own.
pub async fn class_notices<'a>(
    ex: impl Into<Ex<'a>>,
    link: &ClassLink,
) -> Result<Vec<ParentNotice>, DbError> {
    let q = Sql::new(PARENT_NOTICE)
        .bind(link.institution_id)
        .push(" AND (n.audience = 'school' OR (n.audience = 'grade' AND n.audience_value = ")
        .bind(link.grade.to_string())
        .push(") OR (n.audience = 'class' AND n.audience_value = ")
        .bind(format!("{}:{}", link.grade, link.class_name))
        .push(")) ORDER BY n.sent_at DESC, n.id DESC")
        .limit(50, 0);
    ex.into().fetch_all(q).await
}

/// A pupil of a class, to check a parent's confirmation against.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Pupil {
    pub student_id: i64,
    pub name: String,
    pub id_number: String,
    pub grade: i64,
    pub class_name: String,
}

/// The pupils of an institution with this name (current enrolment).
pub async fn pupils_named<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
    name: &str,
) -> Result<Vec<Pupil>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT s.id AS student_id, s.name, s.id_number, e.grade, e.class_name \
                 FROM students_enrolments e JOIN students s ON s.id = e.student_id \
                 WHERE e.status <> 'left' AND e.institution_id = ",
            )
            .bind(institution)
            .push(" AND s.name = ")
            .bind(name)
            .limit(20, 0),
        )
        .await
}

/// Records a pupil's receipt (once; a second confirmation changes nothing).
pub async fn confirm(tx: &mut Tx, id: NoticeId, student: i64) -> Result<u64, DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO public_parent_receipts (notice_id, student_id, confirmed_at) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .arg(id)
        .arg(student)
        .arg(platform::time::now()),
    )
    .await
}

/// The classes of an institution (grade, class name) with current pupils.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Class {
    pub grade: i64,
    pub class_name: String,
    pub pupils: i64,
}

pub async fn classes<'a>(ex: impl Into<Ex<'a>>, institution: i64) -> Result<Vec<Class>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(format!(
                "SELECT e.grade, e.class_name, COUNT(*) AS pupils {CURRENT}"
            ))
            .bind(institution)
            .push(" GROUP BY e.grade, e.class_name ORDER BY e.grade, e.class_name"),
        )
        .await
}
