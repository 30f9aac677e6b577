//! Services of quality monitoring (国家义务教育质量监测): rounds (year and
//! grade), each school's results per subject imported by the bureau, and
//! the district's position: its figures, each school against them, ranks.
//! A school sees its own results beside the district's.

use std::collections::{BTreeMap, HashMap, HashSet};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, Tx};
use platform::excel::{RowError, Table};
use platform::AppError;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::domain::parse_score;
use crate::domain::quality::{district, positions, DistrictFigures, Position, SubjectResult};
use crate::service::results::{count, refused, ImportOutcome};
use crate::store::quality::{self as store, ResultRow, Round};
use crate::store::results::{institution_names, schools_of_type};

pub const HEADERS: [&str; 5] = ["学校", "科目", "参测人数", "平均分", "达标人数"];

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct RoundInput {
    pub year: i64,
    /// 4 or 8 as the national monitoring tests them.
    pub grade: i64,
    #[serde(default)]
    pub name: String,
}

/// A school's position in one subject, named.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SchoolPosition {
    pub institution_name: String,
    #[serde(flatten)]
    pub position: Position,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SubjectView {
    pub subject: String,
    pub district: DistrictFigures,
    /// Every school in rank order (a school: its own only).
    pub schools: Vec<SchoolPosition>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RoundView {
    pub round: Round,
    pub subjects: Vec<SubjectView>,
}

pub async fn rounds(db: &Db, caller: &Caller) -> Result<Vec<Round>, AppError> {
    caller.require(WorkArea::Exams, Access::Read)?;
    Ok(store::rounds(db).await?)
}

pub async fn create_round(db: &Db, caller: &Caller, input: &RoundInput) -> Result<i64, AppError> {
    caller.require_bureau(WorkArea::Exams)?;
    if !(2000..=2100).contains(&input.year) {
        return Err(AppError::invalid(
            "year",
            "监测年度应在 2000 至 2100 年之间",
        ));
    }
    if !(1..=9).contains(&input.grade) {
        return Err(AppError::invalid("grade", "监测年级应为 1 至 9 年级"));
    }
    let name = match input.name.trim() {
        "" => format!(
            "{}年国家义务教育质量监测（{}年级）",
            input.year, input.grade
        ),
        n => n.to_string(),
    };
    let mut tx = db.begin().await?;
    let id = store::insert_round(
        &mut tx,
        input.year,
        input.grade,
        &name,
        &caller.who.username,
    )
    .await?;
    let entry = Entry::new(
        "create",
        "exams_quality_round",
        format!("新增质量监测 {name}"),
    )
    .id(id)
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(id)
}

fn subject_results(rows: &[ResultRow]) -> BTreeMap<String, Vec<SubjectResult>> {
    let mut out: BTreeMap<String, Vec<SubjectResult>> = BTreeMap::new();
    for r in rows {
        out.entry(r.subject.clone())
            .or_default()
            .push(SubjectResult {
                institution_id: r.institution_id,
                tested: r.tested,
                mean: r.mean,
                passed: r.passed,
            });
    }
    out
}

/// A round's results per subject, with the district's position.
pub async fn round(db: &Db, caller: &Caller, id: i64) -> Result<RoundView, AppError> {
    caller.require(WorkArea::Exams, Access::Read)?;
    let round = store::round(db, id).await?;
    let rows = store::results(db, id).await?;
    let names: HashMap<i64, String> = rows
        .iter()
        .map(|r| (r.institution_id, r.institution_name.clone()))
        .collect();
    let subjects = subject_results(&rows)
        .into_iter()
        .map(|(subject, results)| SubjectView {
            subject,
            district: district(&results),
            schools: positions(&results)
                .into_iter()
                .filter(|p| {
                    caller
                        .scope
                        .allows(platform::InstitutionId(p.institution_id))
                })
                .map(|p| SchoolPosition {
                    institution_name: names.get(&p.institution_id).cloned().unwrap_or_default(),
                    position: p,
                })
                .collect(),
        })
        .collect();
    Ok(RoundView { round, subjects })
}

/// One school's results of a round against the district (another school's
/// or one without results: not found).
pub async fn school(
    db: &Db,
    caller: &Caller,
    id: i64,
    institution: i64,
) -> Result<RoundView, AppError> {
    caller.require(WorkArea::Exams, Access::Read)?;
    if !store::has_school(db, &caller.scope, id, institution).await? {
        return Err(AppError::NotFound);
    }
    let mut view = round(db, caller, id).await?;
    for s in &mut view.subjects {
        s.schools
            .retain(|p| p.position.institution_id == institution);
    }
    Ok(view)
}

/// Replaces a round's results from a spreadsheet (学校, 科目, 参测人数, 平均分,
/// 达标人数); any bad row and nothing changes.
pub async fn import_results(
    db: &Db,
    caller: &Caller,
    id: i64,
    table: &Table,
) -> Result<ImportOutcome, AppError> {
    caller.require_bureau(WorkArea::Exams)?;
    let round = store::round(db, id).await?;
    let cols: Vec<Option<usize>> = HEADERS
        .iter()
        .map(|h| table.headers.iter().position(|x| x.trim() == *h))
        .collect();
    let mut errors: Vec<RowError> = HEADERS
        .iter()
        .zip(&cols)
        .filter(|(_, c)| c.is_none())
        .map(|(h, _)| RowError::new(table.header_row, *h, format!("缺少“{h}”列，请使用导入模板")))
        .collect();
    if table.rows.is_empty() {
        errors.push(RowError::new(table.header_row, "", "文件中没有数据行"));
    }
    if !errors.is_empty() {
        return Ok(refused(table, errors));
    }
    let c: Vec<usize> = cols.into_iter().flatten().collect();
    let schools: HashMap<String, i64> = institution_names(db)
        .await?
        .into_iter()
        .map(|(i, n)| (n, i))
        .collect();
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for r in &table.rows {
        let before = errors.len();
        let (name, subject) = (r.get(c[0]).trim(), r.get(c[1]).trim());
        let school = schools.get(name).copied();
        if school.is_none() {
            errors.push(RowError::new(
                r.number,
                "学校",
                format!("未找到学校“{name}”，请填写机构名录中的全称"),
            ));
        }
        if subject.is_empty() {
            errors.push(RowError::new(r.number, "科目", "科目不能为空"));
        } else if !seen.insert((name.to_string(), subject.to_string())) {
            errors.push(RowError::new(
                r.number,
                "科目",
                format!("{name} 的{subject}在文件中重复"),
            ));
        }
        let tested = count(r, "参测人数", c[2], &mut errors);
        if tested == 0 && errors.len() == before {
            errors.push(RowError::new(r.number, "参测人数", "参测人数应大于 0"));
        }
        let mean = parse_score(r.get(c[3]))
            .map_err(|m| errors.push(RowError::new(r.number, "平均分", m)))
            .map_or(0, |s| s.0);
        let passed = count(r, "达标人数", c[4], &mut errors);
        if passed > tested {
            errors.push(RowError::new(
                r.number,
                "达标人数",
                format!("达标人数 {passed} 多于参测人数 {tested}"),
            ));
        }
        if let (Some(s), true) = (school, errors.len() == before) {
            rows.push(ResultRow {
                institution_id: s,
                institution_name: name.into(),
                subject: subject.into(),
                tested,
                mean,
                passed,
            });
        }
    }
    if !errors.is_empty() {
        return Ok(refused(table, errors));
    }
    let mut tx = db.begin().await?;
    store::replace_results(&mut tx, id, &rows).await?;
    let entry = Entry::new(
        "import",
        "exams_quality_round",
        format!("导入 {} 结果 {} 行", round.name, rows.len()),
    )
    .id(id);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(ImportOutcome::applied(rows.len()))
}

/// The demo's monitoring: 4th grade in the primary schools and 8th grade in
/// the junior schools, 数学/语文/科学, scores on the monitoring's scale
/// around 500.
pub(crate) async fn demo_rounds(
    tx: &mut Tx,
    year: i64,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<u64> {
    let mut made = 0;
    for (grade, types) in [(4, &["211"][..]), (8, &["311", "312"][..])] {
        let name = format!("{}年国家义务教育质量监测（{grade}年级）", year - 1);
        let id = store::insert_round(tx, year - 1, grade, &name, "system:demo").await?;
        let schools = schools_of_type(&mut *tx, types).await?;
        let mut rows = Vec::new();
        for (school, school_name) in schools {
            for subject in ["数学", "语文", "科学"] {
                let tested = rng.gen_range(20..45);
                rows.push(ResultRow {
                    institution_id: school,
                    institution_name: school_name.clone(),
                    subject: subject.into(),
                    tested,
                    mean: rng.gen_range(4500..5600),
                    passed: tested * rng.gen_range(80..99) / 100,
                });
            }
        }
        store::replace_results(tx, id, &rows).await?;
        made += rows.len() as u64;
    }
    Ok(made)
}
