//! The area's published figures (指标): 体质健康测试人数, 合格率, 优秀率, 优良率
//! and 测试覆盖率 of the school year the day falls in, by district,
//! township or institution. The rates come from the counts by the rules
//! of `domain::reports`.

use platform::area::{Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};
use platform::vocab::SchoolYear;

use crate::domain::reports::{coverage, share};

const TESTS: &str = "fitness_tests f JOIN institutions i ON i.id = f.institution_id";

/// Scored tests (not exempt) of the school year of `q.on`, counting `value`.
async fn tests(db: &Db, q: &IndicatorQuery, value: &str) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = Sql::new("f.total IS NOT NULL AND f.exempt = FALSE AND f.school_year = ")
        .bind(SchoolYear::of(q.on).0);
    institutions::indicators::grouped(db, q, value, TESTS, filter).await
}

/// Pupils of grades 1–12 enrolled in the school year of `q.on` who stayed
/// to its end (still enrolled, or promoted or graduated from it).
async fn enrolled(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let filter = Sql::new("e.grade BETWEEN 1 AND 12 AND (e.status <> 'left' OR e.left_reason IN ('promoted', 'graduated')) AND e.school_year = ")
        .bind(SchoolYear::of(q.on).0);
    let from = "students_enrolments e JOIN institutions i ON i.id = e.institution_id";
    institutions::indicators::grouped(db, q, "COUNT(*)", from, filter).await
}

/// `rate(num, den)` for each group of `den`; groups without a rate left out.
fn divide(
    num: &[IndicatorValue],
    den: Vec<IndicatorValue>,
    rate: fn(i64, i64) -> Option<f64>,
) -> Vec<IndicatorValue> {
    den.into_iter()
        .filter_map(|d| {
            let n = num.iter().find(|n| n.key == d.key).map_or(0.0, |n| n.value);
            let value = rate(n as i64, d.value as i64)?;
            Some(IndicatorValue { value, ..d })
        })
        .collect()
}

fn counted(level_in: &str) -> String {
    format!("SUM(CASE WHEN f.level IN ({level_in}) THEN 1 ELSE 0 END)")
}

async fn rate_of(
    db: &Db,
    q: &IndicatorQuery,
    levels: &str,
) -> Result<Vec<IndicatorValue>, DbError> {
    let num = tests(db, q, &counted(levels)).await?;
    Ok(divide(&num, tests(db, q, "COUNT(*)").await?, share))
}

async fn covered(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let num = tests(db, q, "COUNT(*)").await?;
    Ok(divide(&num, enrolled(db, q).await?, coverage))
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "fitness.tested",
        name: "体质健康测试人数",
        unit: "人",
        definition: "当日所在学年已测试并评分（不含免测）的学生人数，按测试时所在学校计",
        compute: |db, q| Box::pin(tests(db, q, "COUNT(*)")),
    },
    Indicator {
        key: "fitness.pass_rate",
        name: "体质健康合格率",
        unit: "%",
        definition: "当日所在学年学年总分达到及格（60分）及以上的学生占测试学生的百分比",
        compute: |db, q| Box::pin(rate_of(db, q, "'excellent', 'good', 'pass'")),
    },
    Indicator {
        key: "fitness.excellent_rate",
        name: "体质健康优秀率",
        unit: "%",
        definition: "当日所在学年学年总分达到优秀（90分）及以上的学生占测试学生的百分比",
        compute: |db, q| Box::pin(rate_of(db, q, "'excellent'")),
    },
    Indicator {
        key: "fitness.good_rate",
        name: "体质健康优良率",
        unit: "%",
        definition: "当日所在学年学年总分达到良好（80分）及以上的学生占测试学生的百分比",
        compute: |db, q| Box::pin(rate_of(db, q, "'excellent', 'good'")),
    },
    Indicator {
        key: "fitness.coverage",
        name: "体质健康测试覆盖率",
        unit: "%",
        definition: "当日所在学年已测试学生数占该学年1～12年级在籍学生数（学年末仍在籍，或已升级、毕业）的百分比，最高100%",
        compute: |db, q| Box::pin(covered(db, q)),
    },
];
