//! Assigning the cases the household-register comparison opens (户籍比对)
//! to a school and a responsible person: from the admission catchments
//! (学区: community → school) and the child's registered address, or by
//! hand.

use platform::db::{DbError, Sql, Tx};
use platform::InstitutionId;

use super::BirthRange;
use crate::domain::ids::CaseId;

/// The school whose catchment, in the latest admission round of a stage
/// ($1), names a community the child's registered address contains; the
/// longest community name wins (「东大街社区」 over 「东大街」).
const CATCHMENT_SCHOOL: &str = "SELECT ac.institution_id FROM students_children c JOIN admissions_catchments ac ON ac.community <> '' AND c.address LIKE '%' || ac.community || '%' JOIN admissions_rounds r ON r.id = ac.round_id AND r.stage = $1 WHERE c.id_number = students_dropout_cases.id_number ORDER BY r.school_year DESC, r.id DESC, LENGTH(ac.community) DESC, ac.institution_id LIMIT 1";

/// Assigns every open case without a school whose child was born within
/// `range` to the catchment school of `round_stage` (`primary1`,
/// `junior1`), and names as responsible the school's first active account,
/// or the school itself. Returns how many cases were assigned.
pub async fn assign_from_catchments(
    tx: &mut Tx,
    range: BirthRange,
    round_stage: &str,
) -> Result<u64, DbError> {
    let assigned = tx
        .execute(
            Sql::new("UPDATE students_dropout_cases SET institution_id = (")
                .push(CATCHMENT_SCHOOL)
                .push("), version = version + 1 WHERE institution_id IS NULL AND status = 'open' AND id_number IN (SELECT c.id_number FROM students_children c WHERE c.birth_date BETWEEN $2 AND $3) AND EXISTS (")
                .push(CATCHMENT_SCHOOL)
                .push(")")
                .arg(round_stage)
                .arg(range.from)
                .arg(range.to),
        )
        .await?;
    tx.execute(Sql::new(
        "UPDATE students_dropout_cases SET responsible = COALESCE((SELECT u.display_name FROM users u WHERE u.institution_id = students_dropout_cases.institution_id AND u.active = TRUE ORDER BY u.id LIMIT 1), (SELECT i.name FROM institutions i WHERE i.id = students_dropout_cases.institution_id)) WHERE responsible = '' AND institution_id IS NOT NULL AND status = 'open'",
    ))
    .await?;
    Ok(assigned)
}

/// Assigns an open case by hand, if nobody saved it since `version`.
/// False when stale or closed.
pub async fn assign(
    tx: &mut Tx,
    id: CaseId,
    version: i64,
    institution: InstitutionId,
    responsible: &str,
) -> Result<bool, DbError> {
    let n = tx
        .execute(
            Sql::new("UPDATE students_dropout_cases SET institution_id = $1, responsible = $2, version = version + 1 WHERE id = $3 AND version = $4 AND status = 'open'")
                .arg(institution)
                .arg(responsible)
                .arg(id)
                .arg(version),
        )
        .await?;
    Ok(n == 1)
}
