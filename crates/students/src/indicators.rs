//! The area's published figure: 在籍学生数, the pupils on roll on the day,
//! by district, township or institution. Other areas divide by it
//! (生师比, 生均校舍面积).

use platform::area::{Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

/// Pupils whose enrolment had begun and not ended on the day.
pub async fn enrolled(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = Sql::new("e.entered_on <= ")
        .bind(q.on)
        .push(" AND (e.left_on IS NULL OR e.left_on > ")
        .bind(q.on)
        .push(") AND (e.status <> 'left' OR e.left_on IS NOT NULL)");
    let from = "students_enrolments e JOIN institutions i ON i.id = e.institution_id";
    institutions::indicators::grouped(db, q, "COUNT(*)", from, filter).await
}

pub const INDICATORS: &[Indicator] = &[Indicator {
    key: "students.enrolled",
    name: "在籍学生数",
    unit: "人",
    definition: "当日在籍（已入学、未离校）的学生人数，按就读学校计",
    compute: |db, q| Box::pin(enrolled(db, q)),
}];
