//! An exam's figures as the bureau reports them: for each line, each
//! school's 人数 over it beside last year's, the change and its growth rate
//! over last year's figure, 达线率 and its change in percentage points, the
//! rank with ties; the district's figures; the score distribution. A school
//! sees its own row (ranked among all) and the district's.

use std::collections::{BTreeMap, HashMap};

use figures::Decimal;
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::shown_version;
use crate::domain::report::{Fact, FactKind};
use crate::domain::results::{compare, district, Comparison};
use crate::domain::{distribution, Bin, Change, RateChange, SchoolCounts, Score};
use crate::store::results::{self as store, Exam, Version};

/// A school's (or the district's) figures on one line.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SchoolFigures {
    /// None for the district.
    pub institution_id: Option<i64>,
    pub name: String,
    pub candidates: i64,
    #[schema(value_type = Object)]
    pub reached: Change,
    #[schema(value_type = Object)]
    pub rate: RateChange,
    /// Rank among the district's schools (none for the district).
    pub rank: Option<usize>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LineFigures {
    pub line: String,
    pub district: SchoolFigures,
    pub schools: Vec<SchoolFigures>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Analysis {
    pub exam: Exam,
    pub version: Option<Version>,
    /// Last year's exam of the same kind and the version compared with.
    pub last_year: Option<Exam>,
    pub last_version: Option<i64>,
    pub lines: Vec<LineFigures>,
    /// Score bands of the candidates with per-student results in scope.
    #[schema(value_type = Vec<Object>)]
    pub distribution: Vec<Bin>,
    #[serde(skip)]
    pub facts: Vec<Fact>,
}

/// Each school's candidates and 人数 over each line of a version, all tracks.
async fn counts(db: &Db, version: i64) -> Result<BTreeMap<i64, SchoolCounts>, AppError> {
    let mut out: BTreeMap<i64, SchoolCounts> = BTreeMap::new();
    for r in store::school_results(db, &Scope::All, version).await? {
        out.entry(r.institution_id).or_default().candidates += r.candidates;
    }
    for (school, _, line, n) in store::school_over(db, &Scope::All, version).await? {
        *out.entry(school)
            .or_default()
            .reached
            .entry(line)
            .or_default() += n;
    }
    Ok(out)
}

/// Line names, the highest line first (by its highest score).
fn line_names(lines: &[store::Line]) -> Vec<String> {
    let mut best: Vec<(i64, String)> = Vec::new();
    for l in lines {
        match best.iter_mut().find(|(_, n)| *n == l.name) {
            Some(b) => b.0 = b.0.max(l.score),
            None => best.push((l.score, l.name.clone())),
        }
    }
    best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    best.into_iter().map(|(_, n)| n).collect()
}

fn figures(c: &Comparison, name: String, rank: Option<usize>) -> SchoolFigures {
    SchoolFigures {
        institution_id: rank.map(|_| c.institution_id),
        name,
        candidates: c.candidates,
        reached: c.reached,
        rate: c.rate,
        rank,
    }
}

fn facts_of(line: &str, f: &SchoolFigures, out: &mut Vec<Fact>) {
    let mut fact = |kind, value: Decimal, source: String| {
        out.push(Fact {
            subject: f.name.clone(),
            line: line.into(),
            kind,
            value,
            source,
        })
    };
    let (r, who) = (&f.reached, format!("{}{line}", f.name));
    fact(
        FactKind::Count,
        Decimal {
            units: r.this_year,
            scale: 0,
        },
        format!("{who}上线人数：本系统成绩记录为 {} 人", r.this_year),
    );
    fact(
        FactKind::Change,
        Decimal {
            units: r.change,
            scale: 0,
        },
        format!(
            "{who}上线人数：今年 {} 人，去年 {} 人，相差 {} 人",
            r.this_year, r.last_year, r.change
        ),
    );
    if let Some(g) = r.growth {
        fact(
            FactKind::Growth,
            g,
            format!(
                "增长率以去年人数为基数：{} ÷ {} = {g}%",
                r.change, r.last_year
            ),
        );
    }
    if let Some(rate) = f.rate.this_year {
        fact(
            FactKind::Rate,
            rate,
            format!(
                "{who}达线率 = 上线人数 ÷ 参考人数 = {} ÷ {} = {rate}%",
                r.this_year, f.candidates
            ),
        );
    }
    if let (Some(p), Some(t), Some(l)) = (f.rate.points, f.rate.this_year, f.rate.last_year) {
        fact(
            FactKind::Points,
            p,
            format!("{who}达线率今年 {t}% − 去年 {l}% = {p} 个百分点"),
        );
    }
}

/// The band width of a distribution: a fifteenth of the full mark, in
/// whole multiples of 5 points.
fn band_width(full: i64) -> i64 {
    ((full / 15) / 50).max(1) * 50
}

pub async fn analysis(
    db: &Db,
    caller: &Caller,
    exam: i64,
    version: Option<i64>,
) -> Result<Analysis, AppError> {
    caller.require(WorkArea::Exams, Access::Read)?;
    let e = store::exam(db, exam).await?;
    let versions = store::versions(db, exam).await?;
    let shown = shown_version(caller, &versions, version)?;
    let last = store::last_years(db, &e).await?;
    let last_version = match &last {
        Some(l) => store::versions(db, l.id)
            .await?
            .into_iter()
            .find(Version::published),
        None => None,
    };
    let names: HashMap<i64, String> = store::institution_names(db).await?.into_iter().collect();
    let lines = store::lines(db, exam).await?;
    let this_counts = match &shown {
        Some(v) => counts(db, v.id).await?,
        None => BTreeMap::new(),
    };
    let last_counts = match &last_version {
        Some(v) => counts(db, v.id).await?,
        None => BTreeMap::new(),
    };
    let (all_now, all_before) = (district(&this_counts), district(&last_counts));
    let whole = |c: &SchoolCounts| BTreeMap::from([(0, c.clone())]);
    let mut out = Vec::new();
    let mut facts = Vec::new();
    for line in line_names(&lines) {
        let schools: Vec<SchoolFigures> = compare(&this_counts, &last_counts, &line)
            .iter()
            .map(|c| {
                figures(
                    c,
                    names.get(&c.institution_id).cloned().unwrap_or_default(),
                    Some(c.rank),
                )
            })
            .collect();
        let d = &compare(&whole(&all_now), &whole(&all_before), &line)[0];
        let d = figures(d, "全区".into(), None);
        facts_of(&line, &d, &mut facts);
        for s in &schools {
            facts_of(&line, s, &mut facts);
        }
        let schools = schools
            .into_iter()
            .filter(|s| {
                s.institution_id
                    .is_some_and(|i| caller.scope.allows(platform::InstitutionId(i)))
            })
            .collect();
        out.push(LineFigures {
            line,
            district: d,
            schools,
        });
    }
    let distribution = match &shown {
        Some(v) => {
            let totals: Vec<Score> = store::totals(db, &caller.scope, v.id)
                .await?
                .into_iter()
                .map(|(_, _, t)| Score(t))
                .collect();
            let papers: i64 = store::papers(db, exam)
                .await?
                .iter()
                .map(|p| p.max_score)
                .sum();
            let full = if papers > 0 {
                papers
            } else {
                totals.iter().map(|s| s.0).max().unwrap_or(0)
            };
            if totals.is_empty() {
                vec![]
            } else {
                distribution(&totals, Score(full), Score(band_width(full)))
            }
        }
        None => vec![],
    };
    Ok(Analysis {
        exam: e,
        version: shown,
        last_year: last,
        last_version: last_version.map(|v| v.version),
        lines: out,
        distribution,
        facts,
    })
}
