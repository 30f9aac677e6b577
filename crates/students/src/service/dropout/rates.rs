//! 入学率 by township, 巩固率 by the national cohort definition for the
//! district, and the older in-year measure under its own name (学年在籍保持率),
//! recomputed from the register and the enrolments each time, in exact
//! integer arithmetic.

use std::collections::HashMap;

use chrono::NaiveDate;
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::district;
use platform::excel::{Cell, Title, Workbook};
use platform::{AppError, TownshipId};
use serde::Serialize;

use super::{birth_range, school_year_or_current, COMPULSORY};
use crate::domain::consolidation::MEASURES;
use crate::domain::dropout::{format_rate, rate_hundredths};
use crate::domain::Grade;
use crate::store::dropout::{self as store, TownshipCount};

/// How the rates are defined, one line each, as shown on the page.
pub const DEFINITIONS: [&str; 5] = [
    "入学率 = 户籍名册中该学段适龄儿童里目前在本区任一学校在籍的人数 ÷ 该学段适龄儿童数（按户籍所在乡镇（街道）统计）。",
    "巩固率按国家统计口径（教育统计年报）逐届计算，公式见各率旁；全区统计。",
    "在校生数：该学年在该年级有学籍、且该学籍在读、休学、转学中或以升级、毕业结束的学生（辍学或其他原因离校者不计，转学者按转入学校的学籍计），每人计一次；入学时人数：该届入学学年在入学年级有过学籍的全部学生（含后来转出、辍学者），每人计一次；均以本区学籍记录（每学年一条学籍）为准。",
    "学年在籍保持率（非国家口径，仅作本学年辍学监测）= 本乡镇（街道）学校该学段年级目前在籍学生数 ÷（目前在籍学生数 + 本学年内因辍学离校的该学段学生数）（按学校所在乡镇（街道）统计）。",
    "适龄：以学年开始当年 8 月 31 日的周岁计，小学 6—11 周岁，初中 12—14 周岁；学年自 9 月 1 日至次年 8 月 31 日。",
];

/// One line of a rate table: a township, or the district total.
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct RateRow {
    /// None for the district total.
    pub township_id: Option<i64>,
    pub township: String,
    /// Registered children of the stage's school age.
    pub school_age: i64,
    /// Of those, currently enrolled anywhere.
    pub enrolled: i64,
    /// In hundredths of a percent (9882 = 98.82%); null when nothing to divide by.
    pub enrolment_rate: Option<i64>,
    pub enrolment_rate_text: String,
    /// Current enrolments in the stage's grades at the township's institutions.
    pub current: i64,
    /// Enrolments in the stage's grades that ended as dropped out this school year.
    pub dropped_out: i64,
    pub retention_rate: Option<i64>,
    pub retention_rate_text: String,
}

impl RateRow {
    fn finish(mut self) -> Self {
        self.enrolment_rate = rate_hundredths(self.enrolled, self.school_age);
        self.enrolment_rate_text = format_rate(self.enrolment_rate);
        self.retention_rate = rate_hundredths(self.current, self.current + self.dropped_out);
        self.retention_rate_text = format_rate(self.retention_rate);
        self
    }
}

/// One 巩固率 by the national definition, for the district.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CohortRow {
    /// compulsory, primary or junior.
    pub key: String,
    /// 九年义务教育巩固率, 小学巩固率 or 初中巩固率.
    pub label: String,
    pub formula: String,
    /// 在校生数 in the final grade of the school year asked for.
    pub final_grade: i64,
    pub in_school: i64,
    /// The school year the cohort entered, and its entry grade's count.
    pub entry_year: i64,
    pub entry_grade: i64,
    pub entered: i64,
    /// In hundredths of a percent; null without an entry count.
    pub rate: Option<i64>,
    pub rate_text: String,
}

/// The national cohort rates of `year` for the district.
async fn cohorts(db: &Db, year: i64) -> Result<Vec<CohortRow>, AppError> {
    let mut out = Vec::new();
    for m in MEASURES {
        let entry_year = m.entry_year(year);
        let in_school = store::cohort_count(db, year, m.final_grade.0, true).await?;
        let entered = store::cohort_count(db, entry_year, m.entry_grade.0, false).await?;
        let rate = m.rate(in_school, entered);
        out.push(CohortRow {
            key: m.key.into(),
            label: m.label.into(),
            formula: m.formula.into(),
            final_grade: m.final_grade.0,
            in_school,
            entry_year,
            entry_grade: m.entry_grade.0,
            entered,
            rate,
            rate_text: format_rate(rate),
        });
    }
    Ok(out)
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StageRates {
    /// primary or junior.
    pub stage: String,
    /// 小学 or 初中.
    pub label: String,
    /// Birth dates (inclusive) of the stage's school-age children.
    pub born_from: NaiveDate,
    pub born_to: NaiveDate,
    pub rows: Vec<RateRow>,
    pub total: RateRow,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Rates {
    /// The school year starting in this year (2025 = 2025—2026 学年).
    pub school_year: i64,
    pub stages: Vec<StageRates>,
    /// 巩固率 by the national cohort definition, district-wide.
    pub cohorts: Vec<CohortRow>,
    pub definitions: Vec<String>,
}

fn by_township(counts: Vec<TownshipCount>) -> HashMap<TownshipId, (i64, i64)> {
    counts
        .into_iter()
        .map(|c| (c.township_id, (c.first_count, c.second_count)))
        .collect()
}

/// The rates of `school_year` (default: the current one). Bureau users only:
/// they are computed over every institution.
pub async fn rates(db: &Db, caller: &Caller, school_year: Option<i64>) -> Result<Rates, AppError> {
    caller.require(WorkArea::Dropout, Access::Read)?;
    if caller.scope != Scope::All {
        return Err(AppError::Forbidden);
    }
    let year = school_year_or_current(school_year)?;
    let townships = district::townships(db).await?;
    let (year_from, year_to) = (
        NaiveDate::from_ymd_opt(year as i32, 9, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(year as i32 + 1, 8, 31).unwrap_or(NaiveDate::MIN),
    );
    let mut stages = Vec::new();
    for stage in COMPULSORY {
        let range = birth_range(year, stage);
        let enrol = by_township(store::enrolment_counts(db, range).await?);
        let retain =
            by_township(store::retention_counts(db, stage.grades(), year_from, year_to).await?);
        let mut total = RateRow {
            township: "全区合计".into(),
            ..Default::default()
        };
        let mut rows = Vec::new();
        for t in &townships {
            let (school_age, enrolled) = enrol.get(&t.id).copied().unwrap_or((0, 0));
            let (current, dropped_out) = retain.get(&t.id).copied().unwrap_or((0, 0));
            total.school_age += school_age;
            total.enrolled += enrolled;
            total.current += current;
            total.dropped_out += dropped_out;
            rows.push(
                RateRow {
                    township_id: Some(t.id.0),
                    township: t.name.clone(),
                    school_age,
                    enrolled,
                    current,
                    dropped_out,
                    ..Default::default()
                }
                .finish(),
            );
        }
        stages.push(StageRates {
            stage: stage.key().into(),
            label: stage.label().into(),
            born_from: range.from,
            born_to: range.to,
            rows,
            total: total.finish(),
        });
    }
    Ok(Rates {
        school_year: year,
        stages,
        cohorts: cohorts(db, year).await?,
        definitions: DEFINITIONS.iter().map(|d| d.to_string()).collect(),
    })
}

/// A rate as a percentage cell, or its text ("—") when there is nothing to
/// divide by.
fn rate_cell(rate: Option<i64>, text: &str) -> Cell<'_> {
    rate.map_or(Cell::text(text), Cell::Percent)
}

/// The rate tables as one sheet: a block of rows per stage with its total,
/// then the definitions.
pub fn rates_workbook(r: &Rates) -> anyhow::Result<Vec<u8>> {
    let title = Title::list("入学率与巩固率").filter(
        "学年",
        format!("{}—{}学年", r.school_year, r.school_year + 1),
    );
    let mut wb = Workbook::export(
        &title,
        &[
            "学段",
            "乡镇（街道）",
            "适龄儿童数",
            "在籍人数",
            "入学率",
            "在籍学生数",
            "本学年辍学数",
            "学年在籍保持率",
        ],
    );
    for s in &r.stages {
        for row in s.rows.iter().chain(std::iter::once(&s.total)) {
            wb.row(&[
                Cell::text(&s.label),
                Cell::text(&row.township),
                Cell::Int(row.school_age),
                Cell::Int(row.enrolled),
                rate_cell(row.enrolment_rate, &row.enrolment_rate_text),
                Cell::Int(row.current),
                Cell::Int(row.dropped_out),
                rate_cell(row.retention_rate, &row.retention_rate_text),
            ])?;
        }
    }
    wb.row(&[])?;
    let head = [
        "巩固率（国家口径）",
        "在校生",
        "在校生数",
        "入学时",
        "入学时人数",
        "巩固率",
        "计算公式",
    ];
    wb.row(&head.map(Cell::text))?;
    for c in &r.cohorts {
        wb.row(&[
            Cell::text(&c.label),
            Cell::text(format!(
                "{}学年{}在校生数",
                r.school_year,
                Grade(c.final_grade).label()
            )),
            Cell::Int(c.in_school),
            Cell::text(format!(
                "{}学年{}人数",
                c.entry_year,
                Grade(c.entry_grade).label()
            )),
            Cell::Int(c.entered),
            rate_cell(c.rate, &c.rate_text),
            Cell::text(&c.formula),
        ])?;
    }
    wb.row(&[])?;
    for d in &r.definitions {
        wb.row(&[Cell::text("说明"), Cell::text(d)])?;
    }
    wb.finish()
}
