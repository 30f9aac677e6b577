//! The area's published figures (指标): 专任教师数, 生师比, 高级职称占比,
//! 继续教育达标率 and 新招聘教师数, by district, township or institution.

use chrono::{Datelike, NaiveDate};
use platform::area::{ratio, BoxFuture, Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

use crate::domain::reports::ce_hours_due;
use crate::settings::{CE_CYCLE_FIRST_YEAR, CE_REQUIRED_HOURS};

/// Full-time teachers on staff and posted at the institution on the day.
const TEACHERS: &str = "teachers_staff s JOIN teachers_postings p ON p.staff_id = s.id JOIN institutions i ON i.id = p.institution_id";

fn on_post(on: NaiveDate) -> Sql {
    Sql::new("s.full_time = TRUE AND s.status = 'active' AND p.starts_on <= ")
        .bind(on)
        .push(" AND (p.ends_on IS NULL OR p.ends_on > ")
        .bind(on)
        .push(")")
}

/// Teachers on post on the day, counted once each, that also pass `more`
/// (conditions appended with bound values).
async fn teachers(
    db: &Db,
    q: &IndicatorQuery,
    more: impl FnOnce(Sql) -> Sql,
) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = more(on_post(q.on));
    institutions::indicators::grouped(db, q, "COUNT(DISTINCT s.id)", TEACHERS, filter).await
}

async fn student_teacher_ratio(
    db: &Db,
    q: &IndicatorQuery,
) -> Result<Vec<IndicatorValue>, DbError> {
    let students = students::indicators::enrolled(db, q).await?;
    Ok(ratio(&students, teachers(db, q, |f| f).await?, 1.0))
}

async fn senior_share(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let num = teachers(db, q, |f| {
        f.push(" AND s.title_level IN ('senior', 'professor')")
    })
    .await?;
    Ok(ratio(&num, teachers(db, q, |f| f).await?, 100.0))
}

async fn ce_compliance(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let setting = |v: String, default: i64| v.trim().parse::<i64>().unwrap_or(default);
    let first = setting(
        platform::settings::get(db, &CE_CYCLE_FIRST_YEAR).await?,
        2022,
    );
    let required = setting(platform::settings::get(db, &CE_REQUIRED_HOURS).await?, 360);
    let first = i32::try_from(first).unwrap_or(q.on.year());
    let start = NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or(q.on);
    let due = ce_hours_due(required, first, q.on);
    let met = |f: Sql| {
        f.push(" AND (SELECT COALESCE(SUM(a.hours), 0) FROM teachers_training_attendance a WHERE a.staff_id = s.id AND a.attended_on >= ")
            .bind(start)
            .push(" AND a.attended_on <= ")
            .bind(q.on)
            .push(") >= ")
            .bind(due)
    };
    let num = teachers(db, q, met).await?;
    Ok(ratio(&num, teachers(db, q, |f| f).await?, 100.0))
}

fn recruited<'a>(
    db: &'a Db,
    q: &'a IndicatorQuery,
) -> BoxFuture<'a, Result<Vec<IndicatorValue>, DbError>> {
    let mut filter = Sql::new("a.hired_on IS NOT NULL AND a.hired_on <= ").bind(q.on);
    if let Some(from) = q.from {
        filter = filter.push(" AND a.hired_on >= ").bind(from);
    }
    let from = "teachers_recruitment_applicants a JOIN teachers_recruitment_posts t ON t.id = a.post_id JOIN institutions i ON i.id = t.institution_id";
    Box::pin(institutions::indicators::grouped(
        db, q, "COUNT(*)", from, filter,
    ))
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "teachers.full_time",
        name: "专任教师数",
        unit: "人",
        definition: "当日在职、专任且在岗（有有效任职记录）的教师人数，按任职单位计",
        compute: |db, q| Box::pin(teachers(db, q, |f| f)),
    },
    Indicator {
        key: "teachers.student_teacher_ratio",
        name: "生师比",
        unit: "∶1",
        definition: "当日在籍学生数 ÷ 专任教师数（无专任教师的单位不计）",
        compute: |db, q| Box::pin(student_teacher_ratio(db, q)),
    },
    Indicator {
        key: "teachers.senior_title_share",
        name: "高级职称占比",
        unit: "%",
        definition: "专任教师中具有高级、正高级职称者所占百分比",
        compute: |db, q| Box::pin(senior_share(db, q)),
    },
    Indicator {
        key: "teachers.ce_compliance",
        name: "继续教育达标率",
        unit: "%",
        definition: "专任教师中，本周期（局设置的起始年起五年）至当日累计学时不少于按已开始年数折算的应修学时（周期要求 × 年数 ÷ 5）者所占百分比",
        compute: |db, q| Box::pin(ce_compliance(db, q)),
    },
    Indicator {
        key: "teachers.recruited",
        name: "新招聘教师数",
        unit: "人",
        definition: "期间内经公开招聘确认聘用的人数，按招聘岗位所在单位计",
        compute: recruited,
    },
];
