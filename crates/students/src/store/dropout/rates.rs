//! The counts behind the enrolment rate (入学率) and the retention rate
//! (巩固率), by township, each in one grouped query.

use chrono::NaiveDate;
use platform::db::{Db, DbError, Sql};
use platform::TownshipId;

use super::BirthRange;

/// Two counts for one township; what they count is said by the query that
/// returns them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct TownshipCount {
    pub township_id: TownshipId,
    pub first_count: i64,
    pub second_count: i64,
}

/// By the township of the register: children born within `range`
/// (`first_count`) and how many of them have a current enrolment anywhere
/// (`second_count`).
pub async fn enrolment_counts(db: &Db, range: BirthRange) -> Result<Vec<TownshipCount>, DbError> {
    db.fetch_all(
        Sql::new("SELECT c.township_id, CAST(COUNT(*) AS BIGINT) AS first_count, CAST(SUM(CASE WHEN e.id IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS second_count FROM students_children c LEFT JOIN students s ON s.id_number = c.id_number LEFT JOIN students_enrolments e ON e.student_id = s.id AND e.status <> 'left' WHERE c.birth_date BETWEEN ")
            .bind(range.from)
            .push(" AND ")
            .bind(range.to)
            .push(" GROUP BY c.township_id"),
    )
    .await
}

/// By the township of the institution: current enrolments in `grades`
/// (`first_count`), and enrolments in `grades` that ended as dropped out between
/// `from` and `to` (`second_count`).
pub async fn retention_counts(
    db: &Db,
    grades: std::ops::RangeInclusive<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TownshipCount>, DbError> {
    let dropped = |q: Sql| {
        q.push("e.status = 'left' AND e.left_reason = 'dropped_out' AND e.left_on BETWEEN ")
            .bind(from)
            .push(" AND ")
            .bind(to)
    };
    let mut q = Sql::new("SELECT i.township_id, CAST(SUM(CASE WHEN e.status <> 'left' THEN 1 ELSE 0 END) AS BIGINT) AS first_count, CAST(SUM(CASE WHEN ");
    q = dropped(q).push(" THEN 1 ELSE 0 END) AS BIGINT) AS second_count FROM students_enrolments e JOIN institutions i ON i.id = e.institution_id WHERE e.grade BETWEEN ")
        .bind(*grades.start())
        .push(" AND ")
        .bind(*grades.end())
        .push(" AND (e.status <> 'left' OR (");
    q = dropped(q).push(")) GROUP BY i.township_id");
    db.fetch_all(q).await
}

/// Pupils with an enrolment in `grade` of `school_year` in any institution
/// of the district, each counted once. With `in_school`, only those whose
/// enrolment there is current (在读, 休学, 转学中) or ended by promotion or
/// graduation: a pupil who dropped out or left is not counted, and one who
/// transferred counts by the enrolment at the new school.
pub async fn cohort_count(
    db: &Db,
    school_year: i64,
    grade: i64,
    in_school: bool,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(DISTINCT e.student_id) FROM students_enrolments e WHERE e.school_year = ",
    )
    .bind(school_year)
    .push(" AND e.grade = ")
    .bind(grade);
    db.scalar(if in_school {
        q.push(" AND (e.status <> 'left' OR e.left_reason IN ('promoted', 'graduated'))")
    } else {
        q
    })
    .await
}
