//! Fitness reports for the caller's scope: a class, school, township or the
//! district in one school year — share in each band, 合格率 and 优秀率,
//! each item's pass rate, BMI categories — with a row per group below it
//! to drill down into, the trend over the years and, for a class, its
//! pupils (a view of personal data, audited). Also the report card
//! ([`card`]), the indicators, the inbox count and the demo data.

pub mod card;
pub mod demo;
mod indicators;
mod summary;

pub use demo::fill_demo;
pub use indicators::INDICATORS;
pub use summary::{ItemRate, Share, Summary};

use platform::audit::Entry;
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::vocab::{Grade, SchoolYear};
use platform::web::Filters;
use platform::AppError;
use platform::{InstitutionId, TownshipId};
use serde::{Deserialize, Serialize};

use crate::domain::reports::{trend, TrendPoint};
use crate::store::reports::{self as store, Group, Pupil, Unit};

/// Which report: a school year and the unit, as query parameters.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct Which {
    /// 学年 (its first calendar year); the latest with tests if absent.
    pub year: Option<i64>,
    pub township: Option<i64>,
    pub school: Option<i64>,
    /// With `school` and `class`: one class.
    pub grade: Option<i64>,
    pub class: Option<String>,
}

impl Which {
    /// The query string of this report in `year`.
    pub fn query(&self, year: i64) -> String {
        Filters::new()
            .with("year", Some(year))
            .with("township", self.township)
            .with("school", self.school)
            .with("grade", self.grade)
            .with("class", self.class.as_deref())
            .query(1)
    }
}

/// A link of the drill-down path.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Crumb {
    pub label: String,
    /// The report's query string.
    pub query: String,
}

/// A report of one unit in one school year.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// `district`, `township`, `school` or `class`.
    pub level: String,
    pub title: String,
    pub school_year: i64,
    /// School years with tests, latest first.
    pub years: Vec<i64>,
    pub crumbs: Vec<Crumb>,
    /// The unit as a whole.
    pub whole: Summary,
    /// One per township, school or class below the unit.
    pub rows: Vec<Summary>,
    /// The unit over the years, oldest first.
    pub trend: Vec<TrendPoint>,
    /// The tested pupils of a class (empty above a class).
    pub pupils: Vec<Pupil>,
}

/// The unit a report asks for, checked against the scope: a school sees
/// its own school and classes; another school, or a township, is not
/// found.
async fn unit(db: &Db, scope: &Scope, w: &Which) -> Result<(Unit, Vec<Crumb>), AppError> {
    let school = w.school.or(scope.institution().map(|i| i.0));
    let year = w.year.unwrap_or_default();
    let mut crumbs = Vec::new();
    let link = |label: String, which: Which| Crumb {
        label,
        query: which.query(year),
    };
    if scope == &Scope::All {
        crumbs.push(link("全区".into(), Which::default()));
    }
    let Some(school) = school else {
        let Some(t) = w.township else {
            return Ok((Unit::District, crumbs));
        };
        let name = store::township_name(db, TownshipId(t))
            .await?
            .ok_or(AppError::NotFound)?;
        crumbs.push(link(
            name,
            Which {
                township: Some(t),
                ..Which::default()
            },
        ));
        return Ok((Unit::Township(TownshipId(t)), crumbs));
    };
    if w.township.is_some() && w.school.is_none() {
        return Err(AppError::NotFound);
    }
    let id = InstitutionId(school);
    let (name, township, township_name) = store::school(db, scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if scope == &Scope::All {
        let which = Which {
            township: Some(township),
            ..Which::default()
        };
        crumbs.push(link(township_name, which));
    }
    let at_school = Which {
        school: Some(school),
        ..Which::default()
    };
    crumbs.push(link(name, at_school.clone()));
    match (w.grade, w.class.as_deref()) {
        (Some(grade), Some(class)) => {
            let which = Which {
                grade: Some(grade),
                class: Some(class.to_string()),
                ..at_school
            };
            crumbs.push(link(class_label(grade, class), which));
            Ok((Unit::Class(id, grade, class.to_string()), crumbs))
        }
        _ => Ok((Unit::School(id), crumbs)),
    }
}

/// "三年级2班".
pub fn class_label(grade: i64, class: &str) -> String {
    format!("{}{class}", Grade(grade).label())
}

/// The group below a unit, and the query of each of its rows.
fn below(unit: &Unit) -> Option<Group> {
    match unit {
        Unit::District => Some(Group::Township),
        Unit::Township(_) => Some(Group::School),
        Unit::School(_) => Some(Group::Class),
        Unit::Class(..) => None,
    }
}

fn drill(unit: &Unit, key: &str) -> Which {
    match unit {
        Unit::District => Which {
            township: key.parse().ok(),
            ..Which::default()
        },
        Unit::Township(_) => Which {
            school: key.parse().ok(),
            ..Which::default()
        },
        Unit::School(s) | Unit::Class(s, ..) => {
            let (grade, class) = key.split_once('|').unwrap_or(("", key));
            Which {
                school: Some(s.0),
                grade: grade.parse().ok(),
                class: Some(class.to_string()),
                ..Which::default()
            }
        }
    }
}

fn level(unit: &Unit) -> &'static str {
    match unit {
        Unit::District => "district",
        Unit::Township(_) => "township",
        Unit::School(_) => "school",
        Unit::Class(..) => "class",
    }
}

/// The report `w` asks for, within the caller's scope.
pub async fn report(db: &Db, caller: &Caller, w: &Which) -> Result<Report, AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    let scope = reader.scope();
    let years = store::years(db, scope).await?;
    let year = w
        .year
        .or(years.first().copied())
        .unwrap_or(SchoolYear::current().0);
    let w = Which {
        year: Some(year),
        ..w.clone()
    };
    let (unit, crumbs) = unit(db, scope, &w).await?;
    let whole = store::counts(db, scope, &unit, Some(year), Group::Whole).await?;
    let title = crumbs
        .last()
        .map_or_else(|| "全区".to_string(), |c| c.label.clone());
    let whole = whole
        .into_iter()
        .next()
        .map(|r| Summary::of(title.clone(), &r.counts, None))
        .unwrap_or_else(|| Summary::of(title.clone(), &Default::default(), None));
    let mut rows = Vec::new();
    if let Some(group) = below(&unit) {
        for r in store::counts(db, scope, &unit, Some(year), group).await? {
            let label = match group {
                Group::Class => drill(&unit, &r.key)
                    .grade
                    .map_or(r.label.clone(), |g| class_label(g, &r.label)),
                _ => r.label.clone(),
            };
            let query = drill(&unit, &r.key).query(year);
            rows.push(Summary::of(label, &r.counts, Some(query)));
        }
    }
    let by_year: Vec<(i64, _)> = store::counts(db, scope, &unit, None, Group::Year)
        .await?
        .into_iter()
        .filter_map(|r| Some((r.key.parse().ok()?, r.counts)))
        .collect();
    let mut pupils = Vec::new();
    if let Unit::Class(school, ..) = &unit {
        pupils = store::pupils(db, scope, &unit, year).await?;
        let summary = format!(
            "查看{}{}体质健康名单（{} 人）",
            SchoolYear(year).label(),
            title,
            pupils.len()
        );
        let entry = Entry::new("view", "fitness_class", summary).institution(Some(*school));
        reader.audit_view(entry).await?;
    }
    Ok(Report {
        level: level(&unit).into(),
        title,
        school_year: year,
        years,
        crumbs,
        whole,
        rows,
        trend: trend(&by_year),
        pupils,
    })
}

/// Pupils of grades 1–12 not yet tested this school year within the
/// caller's scope, and the schools they are at.
pub async fn untested(db: &Db, caller: &Caller) -> Result<(i64, i64), AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    let rows = store::untested(db, reader.scope(), SchoolYear::current().0).await?;
    Ok((rows.iter().map(|(_, n)| n).sum(), rows.len() as i64))
}

/// The inbox's task: a school counts its own pupils not yet tested this
/// school year, the bureau the schools that have any.
pub async fn untested_task(db: &Db, caller: &Caller) -> Result<(String, i64), AppError> {
    let (pupils, schools) = untested(db, caller).await?;
    Ok(match caller.scope.institution() {
        Some(_) => ("本学年尚未体质健康测试的学生".into(), pupils),
        None => ("有学生本学年尚未体质健康测试的学校".into(), schools),
    })
}
