//! 年度考核: an institution grades its active staff for a year, within its
//! 优秀 quota and the 师德 veto; the counts per grade per institution and
//! for the district.

mod demo;
mod import;

pub use demo::fill_demo;
pub(crate) use demo::mix;

pub use import::{import_table, ImportOutcome, IMPORT_HEADERS};

use std::collections::{BTreeMap, HashSet};

use chrono::Datelike;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, Ex};
use platform::settings::Setting;
use platform::{AppError, FieldError, InstitutionId};
use serde::{Deserialize, Serialize};

use crate::domain::assessment::{check_quota, check_veto, excellent_quota, GradeCounts};
use crate::domain::AssessmentGrade;
use crate::settings::EXCELLENT_QUOTA_PERCENT;
use crate::store::assessment::{self as store, InstitutionResult, RosterRow};

/// One grade to record.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct GradeInput {
    pub staff_id: i64,
    /// 优秀/合格/基本合格/不合格, or its key (excellent …).
    pub grade: String,
    #[serde(default)]
    pub note: String,
}

/// Grades of one institution's staff for a year.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
pub struct GradeBatch {
    pub year: i64,
    /// The institution graded; a school's own when left out.
    pub institution_id: Option<InstitutionId>,
    pub entries: Vec<GradeInput>,
}

/// What an entry saved.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Saved {
    pub saved: usize,
    /// 优秀 of the institution's year after the entry, and its quota.
    pub excellent: i64,
    pub quota: i64,
}

/// A grade ready to store: the person and grade checked to exist.
pub(crate) struct Line {
    pub staff: i64,
    pub grade: AssessmentGrade,
    pub note: String,
}

/// The institution a caller grades: a school its own (another one is not
/// found); the bureau the one it names.
pub fn institution_of(
    caller: &Caller,
    asked: Option<InstitutionId>,
) -> Result<InstitutionId, AppError> {
    match (caller.scope.institution(), asked) {
        (Some(own), None) => Ok(own),
        (Some(own), Some(a)) if a == own => Ok(own),
        (Some(_), Some(_)) => Err(AppError::NotFound),
        (None, Some(a)) => Ok(a),
        (None, None) => Err(AppError::invalid("institution_id", "请选择单位")),
    }
}

/// Years that may be graded: from 2000 to this year.
pub fn check_year(year: i64) -> Result<(), AppError> {
    let now = i64::from(platform::time::today().year());
    if (2000..=now).contains(&year) {
        Ok(())
    } else {
        Err(AppError::invalid(
            "year",
            format!("考核年度应在 2000 至 {now} 年之间"),
        ))
    }
}

/// A number the bureau set, or the setting's default if what is stored is
/// not a number.
pub(crate) async fn number_setting(ex: impl Into<Ex<'_>>, s: &Setting) -> Result<i64, AppError> {
    let text = platform::settings::get(ex, s).await?;
    Ok(text
        .trim()
        .parse()
        .unwrap_or_else(|_| s.default.parse().unwrap_or(0)))
}

pub async fn quota_percent(ex: impl Into<Ex<'_>>) -> Result<i64, AppError> {
    number_setting(ex, &EXCELLENT_QUOTA_PERCENT).await
}

/// The roster of an institution's year with its quota.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Roster {
    pub year: i64,
    pub institution_id: InstitutionId,
    pub quota: i64,
    pub quota_percent: i64,
    pub staff: Vec<RosterRow>,
}

pub async fn roster(
    db: &Db,
    caller: &Caller,
    asked: Option<InstitutionId>,
    year: i64,
) -> Result<Roster, AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    let institution = institution_of(caller, asked)?;
    check_year(year)?;
    let staff = store::roster(db, &caller.scope, institution, year).await?;
    let quota_percent = quota_percent(db).await?;
    Ok(Roster {
        year,
        institution_id: institution,
        quota: excellent_quota(staff.len() as i64, quota_percent),
        quota_percent,
        staff,
    })
}

/// Records a batch of grades (API and entry page): every entry checked,
/// nothing saved unless all pass.
pub async fn record(db: &Db, caller: &Caller, batch: &GradeBatch) -> Result<Saved, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let institution = institution_of(caller, batch.institution_id)?;
    check_year(batch.year)?;
    if batch.entries.is_empty() {
        return Err(AppError::invalid(
            "entries",
            "请至少为一名教职工选择考核等次",
        ));
    }
    let mut errors = Vec::new();
    let mut lines = Vec::new();
    for (i, e) in batch.entries.iter().enumerate() {
        match AssessmentGrade::parse(&e.grade) {
            Some(grade) => lines.push(Line {
                staff: e.staff_id,
                grade,
                note: e.note.trim().to_string(),
            }),
            None => errors.push(FieldError::new(
                format!("entries[{i}].grade"),
                format!(
                    "考核等次“{}”无法识别，应为优秀、合格、基本合格或不合格",
                    e.grade
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    save(db, caller, institution, batch.year, &lines, "录入")
        .await?
        .map_err(|refused| {
            AppError::Invalid(
                refused
                    .into_iter()
                    .map(|(i, m)| match i {
                        Some(i) => FieldError::new(format!("entries[{i}].grade"), m),
                        None => FieldError::new("entries", m),
                    })
                    .collect(),
            )
        })
}

/// Why lines were refused: (line index, message); no index for the batch.
pub(crate) type Refused = Vec<(Option<usize>, String)>;

/// Checks the lines against the roster, the veto and the quota, then saves
/// them in one transaction with one audit entry.
pub(crate) async fn save(
    db: &Db,
    caller: &Caller,
    institution: InstitutionId,
    year: i64,
    lines: &[Line],
    how: &str,
) -> Result<Result<Saved, Refused>, AppError> {
    let mut tx = db.begin().await?;
    let roster = store::roster(&mut tx, &caller.scope, institution, year).await?;
    let by_id: BTreeMap<i64, &RosterRow> = roster.iter().map(|r| (r.staff_id, r)).collect();
    let mut refused = Refused::new();
    let mut seen = HashSet::new();
    let mut entries = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(person) = by_id.get(&l.staff) else {
            refused.push((Some(i), format!("编号 {} 不是本单位在职教职工", l.staff)));
            continue;
        };
        if !seen.insert(l.staff) {
            refused.push((Some(i), format!("{} 重复录入", person.name)));
            continue;
        }
        if let Err(r) = check_veto(l.grade, person.vetoes > 0) {
            refused.push((Some(i), format!("{}：{}", person.name, r.message())));
        }
        entries.insert(l.staff, l.grade);
    }
    if refused.is_empty() {
        let given: BTreeMap<i64, AssessmentGrade> = store::given(&mut tx, institution, year)
            .await?
            .into_iter()
            .collect();
        let quota = excellent_quota(roster.len() as i64, quota_percent(&mut tx).await?);
        if let Err(r) = check_quota(quota, &given, &entries) {
            refused.push((None, r.message()));
        }
    }
    if !refused.is_empty() {
        return Ok(Err(refused));
    }
    for l in lines {
        store::put(
            &mut tx,
            institution,
            year,
            l.staff,
            l.grade,
            &l.note,
            &caller.who.username,
        )
        .await?;
    }
    let given: BTreeMap<i64, AssessmentGrade> = store::given(&mut tx, institution, year)
        .await?
        .into_iter()
        .collect();
    let excellent = given
        .values()
        .filter(|g| **g == AssessmentGrade::Excellent)
        .count() as i64;
    let quota = excellent_quota(roster.len() as i64, quota_percent(&mut tx).await?);
    let summary: Vec<(i64, &str)> = lines.iter().map(|l| (l.staff, l.grade.as_str())).collect();
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "teachers_assessment",
            format!("{how}{year}年度考核结果 {} 人", lines.len()),
        )
        .institution(Some(institution))
        .after(&summary),
    )
    .await?;
    Ok(Ok(Saved {
        saved: lines.len(),
        excellent,
        quota,
    }))
}

/// A year's results: each institution's counts and the district's.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Results {
    pub year: i64,
    pub quota_percent: i64,
    pub institutions: Vec<InstitutionResult>,
    pub district: GradeCounts,
}

pub async fn results(db: &Db, caller: &Caller, year: i64) -> Result<Results, AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    check_year(year)?;
    let institutions = store::results(db, &caller.scope, year).await?;
    let mut district = GradeCounts::default();
    for r in &institutions {
        district.add(AssessmentGrade::Excellent, r.excellent);
        district.add(AssessmentGrade::Competent, r.competent);
        district.add(AssessmentGrade::Basic, r.basic);
        district.add(AssessmentGrade::Incompetent, r.incompetent);
    }
    Ok(Results {
        year,
        quota_percent: quota_percent(db).await?,
        institutions,
        district,
    })
}

/// Staff in scope still without last year's grade (the school's inbox).
pub async fn ungraded_last_year(db: &Db, caller: &Caller) -> Result<(i64, i64), AppError> {
    let year = i64::from(platform::time::today().year()) - 1;
    Ok((year, store::ungraded_staff(db, &caller.scope, year).await?))
}
