//! A hire (聘用): the applicant's staff record, opened with an appointment
//! posting at the post's institution.

use chrono::{NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};

use super::{ApplicantRow, PostRow};
use crate::domain::recruitment::ApplicantId;

/// Whether someone with this national ID is on staff already.
pub async fn on_staff(ex: impl Into<Ex<'_>>, national_id: &str) -> Result<bool, DbError> {
    let n = ex
        .into()
        .scalar(
            Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE national_id = ").bind(national_id),
        )
        .await?;
    Ok(n > 0)
}

/// What the staff record of a hire needs besides the applicant and post.
pub struct Hire<'a> {
    pub sex: &'a str,
    pub birth_date: NaiveDate,
    pub on: NaiveDate,
}

/// Writes the staff record (in quota, full-time, 专业技术岗位, untitled),
/// its open appointment posting, and marks the applicant hired; returns
/// the staff id.
pub async fn hire(
    tx: &mut Tx,
    a: &ApplicantRow,
    post: &PostRow,
    h: &Hire<'_>,
) -> Result<i64, DbError> {
    let now = Utc::now();
    let month = h.on.format("%Y-%m").to_string();
    let staff = tx
        .scalar(
            Sql::new("INSERT INTO teachers_staff (institution_id, national_id, name, sex, birth_date, education, work_start, teaching_start, post_category, establishment, full_time, subjects, stage, title_level, certificate_type, certificate_subject, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'technical', 'in_quota', TRUE, $8, $9, 'none', $10, $11, $12, $12) RETURNING id")
                .arg(post.institution_id)
                .arg(a.national_id.as_str())
                .arg(a.name.as_str())
                .arg(h.sex)
                .arg(h.birth_date)
                .arg(a.education.as_str())
                .arg(month)
                .arg(post.subject.as_str())
                .arg(post.stage.as_str())
                .arg(a.certificate_type.as_str())
                .arg(a.certificate_subject.as_str())
                .arg(now),
        )
        .await?;
    tx.execute(
        Sql::new("INSERT INTO teachers_postings (staff_id, kind, institution_id, starts_on, note, created_at) VALUES ($1, 'appointment', $2, $3, '公开招聘', $4)")
            .arg(staff)
            .arg(post.institution_id)
            .arg(h.on)
            .arg(now),
    )
    .await?;
    mark_hired(tx, a.id, staff, h.on).await?;
    Ok(staff)
}

async fn mark_hired(
    tx: &mut Tx,
    id: ApplicantId,
    staff: i64,
    on: NaiveDate,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE teachers_recruitment_applicants SET staff_id = $1, hired_on = $2 WHERE id = $3 AND staff_id IS NULL")
            .arg(staff)
            .arg(on)
            .arg(id),
    )
    .await?;
    Ok(())
}

/// Posts with places left and a ranked applicant not yet hired: hires for
/// 人事科 to confirm.
pub async fn posts_awaiting_hires(ex: impl Into<Ex<'_>>) -> Result<i64, DbError> {
    ex.into()
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM teachers_recruitment_posts t WHERE \
             (SELECT COUNT(*) FROM teachers_recruitment_applicants a WHERE a.post_id = t.id AND a.staff_id IS NOT NULL) < t.places \
             AND EXISTS (SELECT 1 FROM teachers_recruitment_applicants a WHERE a.post_id = t.id AND a.staff_id IS NULL \
             AND a.written_score IS NOT NULL AND a.interview_score IS NOT NULL)",
        ))
        .await
}
