//! Storage of information disclosure (信息公开): fee items (收费公示) of
//! each institution, the facts of an institution's public page, and the
//! pupils its fee cards (明白交费卡) are made for. The bureau's catalogue
//! and requests are in [`requests`].

pub mod requests;

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::disclosure::{FeeItemDraft, FeeItemId};

/// A fee item as lists show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct FeeItem {
    pub id: FeeItemId,
    pub institution_id: i64,
    pub institution_name: String,
    pub school_year: i64,
    pub item: String,
    pub standard_fen: i64,
    pub unit: String,
    /// The grades it applies to ("1,2"; empty: all).
    pub grades: String,
    pub basis: String,
}

pub async fn insert_fee(
    tx: &mut Tx,
    institution: i64,
    d: &FeeItemDraft,
) -> Result<FeeItemId, DbError> {
    let grades = d
        .grades
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let q = Sql::new(
        "INSERT INTO public_fee_items (institution_id, school_year, item, standard_fen, unit, grades, \
         basis, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .arg(institution)
    .arg(d.school_year)
    .arg(d.item.as_str())
    .arg(d.standard_fen)
    .arg(d.unit.as_str())
    .arg(grades)
    .arg(d.basis.as_str())
    .arg(platform::time::now());
    Ok(FeeItemId(tx.scalar(q).await?))
}

/// The fee items of a school year, of one institution or all in scope.
pub async fn fees<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    institution: Option<i64>,
    school_year: i64,
) -> Result<Vec<FeeItem>, DbError> {
    let mut q = Sql::new(
        "SELECT f.id, f.institution_id, i.name AS institution_name, f.school_year, f.item, \
         f.standard_fen, f.unit, f.grades, f.basis FROM public_fee_items f \
         JOIN institutions i ON i.id = f.institution_id WHERE f.school_year = ",
    )
    .bind(school_year);
    if let Some(id) = institution {
        q = q.push(" AND f.institution_id = ").bind(id);
    }
    let q = scope
        .restrict(q, "f.institution_id")
        .push(" ORDER BY i.name, f.id")
        .limit(2_000, 0);
    ex.into().fetch_all(q).await
}

/// Deletes a fee item in scope; 0 when there is none.
pub async fn delete_fee(tx: &mut Tx, scope: &Scope, id: FeeItemId) -> Result<u64, DbError> {
    let q = Sql::new("DELETE FROM public_fee_items WHERE id = ").bind(id);
    tx.execute(scope.restrict(q, "institution_id")).await
}

/// What an institution's public page shows of the registry.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct PublicFacts {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub address: String,
    pub school_type: String,
    pub ownership: String,
    pub phone: String,
    pub township_name: String,
}

/// An institution in operation by its code (机构代码).
pub async fn facts_by_code<'a>(
    ex: impl Into<Ex<'a>>,
    code: &str,
) -> Result<Option<PublicFacts>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(
                "SELECT i.id, i.code, i.name, i.address, i.school_type, i.ownership, i.phone, \
                 t.name AS township_name FROM institutions i JOIN townships t ON t.id = i.township_id \
                 WHERE i.status <> 'closed' AND i.code = ",
            )
            .bind(code),
        )
        .await
}

/// A pupil on a fee card: name, grade and class only.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct CardPupil {
    pub name: String,
    pub grade: i64,
    pub class_name: String,
}

/// The current pupils of an institution in scope, of a grade and class if
/// given, by grade, class and name.
pub async fn pupils<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    institution: i64,
    grade: Option<i64>,
    class_name: Option<&str>,
) -> Result<Vec<CardPupil>, DbError> {
    let mut q = Sql::new(
        "SELECT s.name, e.grade, e.class_name FROM students_enrolments e \
         JOIN students s ON s.id = e.student_id WHERE e.status <> 'left' AND e.institution_id = ",
    )
    .bind(institution);
    if let Some(g) = grade {
        q = q.push(" AND e.grade = ").bind(g);
    }
    if let Some(c) = class_name {
        q = q.push(" AND e.class_name = ").bind(c);
    }
    let q = scope
        .restrict(q, "e.institution_id")
        .push(" ORDER BY e.grade, e.class_name, s.name")
        .limit(3_000, 0);
    ex.into().fetch_all(q).await
}
