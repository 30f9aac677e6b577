//! The builder: a draft starts empty and is changed one indicator at a
//! time. A draft may be incomplete (sums that do not add up yet), never
//! unsound (a level above its indicator's points): each change is refused
//! with its problems at the fields, and nothing changes. A published
//! version is never edited; "新版本" copies it into a new draft.

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

use super::{first_version, save, unique_name, valid_name};
use crate::domain::indicator_row::band_of;
use crate::domain::{Framework, FrameworkId, IndicatorRow, Owner, Points, Purpose};
use crate::service::require_owner_bureau;
use crate::store::frameworks::{self as store, NewFrameworkRow};

/// A new empty draft as the builder's form gives it.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct NewDraft {
    pub owner: Owner,
    pub purpose: Purpose,
    pub name: String,
    pub year: String,
    /// 总分, "100" when blank.
    #[serde(default)]
    pub total: String,
}

/// A draft's name, year, total and bands (评定等次) as typed; the bands as
/// (label, minimum) pairs, blank pairs ignored.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Settings {
    pub name: String,
    pub year: String,
    pub total: String,
    pub bands: Vec<(String, String)>,
}

/// A year as typed, refused unless within 2000–2100.
pub(super) fn year_of(text: &str) -> Result<i64, AppError> {
    checked_year(text.trim().parse().unwrap_or(0))
}

pub(super) fn checked_year(year: i64) -> Result<i64, AppError> {
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(AppError::invalid("year", "年度应为 2000—2100 之间的年份"))
    }
}

pub(super) fn total_of(text: &str) -> Result<Points, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Points::whole(100));
    }
    Points::parse(text)
        .filter(|p| *p > Points::ZERO)
        .ok_or_else(|| AppError::invalid("total", format!("总分应为大于 0 的数，而不是“{text}”")))
}

/// Starts an empty draft (version 1) with the usual bands.
pub async fn start(db: &Db, caller: &Caller, input: &NewDraft) -> Result<FrameworkId, AppError> {
    require_owner_bureau(caller, input.owner)?;
    let name = valid_name(&input.name)?;
    let year = year_of(&input.year)?;
    let framework = Framework::empty(total_of(&input.total)?);
    let row = first_version(caller, input.owner, input.purpose, name, year, &framework);
    let what = format!("新建评估标准草稿：{name}（{year}年）");
    let entry = Entry::new("create", "inspection_framework", what).after(input);
    save(db, caller, &row, entry).await
}

/// A draft as a change sees it.
struct Draft {
    name: String,
    year: i64,
    framework: Framework,
}

/// Applies `change` to the draft `id` and saves it when it stays sound,
/// recording `what` with `before` and `after`.
async fn edit<B: Serialize, A: Serialize>(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
    change: impl FnOnce(&mut Draft) -> Result<(String, B, A), AppError>,
) -> Result<(), AppError> {
    let row = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    require_owner_bureau(caller, row.owner)?;
    if row.is_published() {
        return Err(frozen());
    }
    let mut draft = Draft {
        name: row.name.clone(),
        year: row.year,
        framework: row.framework()?,
    };
    let (what, before, after) = change(&mut draft)?;
    let blocking = draft.framework.blocking();
    if !blocking.is_empty() {
        return Err(AppError::Invalid(
            blocking
                .iter()
                .map(|e| {
                    let key = e.field().map(|f| f.key()).unwrap_or("bands");
                    FieldError::new(key, e.to_string())
                })
                .collect(),
        ));
    }
    let name = valid_name(&draft.name)?;
    let mut tx = db.begin().await?;
    let saved = store::update_draft(&mut tx, id, name, draft.year, &draft.framework)
        .await
        .map_err(|e| unique_name(e, name, draft.year, row.version))?;
    if !saved {
        return Err(frozen());
    }
    let summary = format!("修改评估标准：{name}（{}年）：{what}", draft.year);
    let entry = Entry::new("update", "inspection_framework", summary)
        .id(id.0)
        .before(&before)
        .after(&after);
    audit::commit(tx, &caller.who, entry).await
}

fn frozen() -> AppError {
    AppError::Conflict("该评估标准已发布，不能再修改；如需调整，请生成新版本".into())
}

fn row_problems(problems: Vec<(crate::domain::Field, String)>) -> AppError {
    AppError::Invalid(
        problems
            .into_iter()
            .map(|(f, m)| FieldError::new(f.key(), m))
            .collect(),
    )
}

fn edit_error(e: crate::domain::EditError) -> AppError {
    AppError::invalid(e.field().key(), e.to_string())
}

/// Adds an indicator (`original` none) or changes the indicator
/// `original` of a draft, as the row gives it.
pub async fn save_indicator(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
    original: Option<&str>,
    row: &IndicatorRow,
) -> Result<(), AppError> {
    edit(db, caller, id, |d| {
        let (parent, node) = row.parse().map_err(row_problems)?;
        let code = node.code.clone();
        let title = node.title.clone();
        match original.map(str::trim).filter(|o| !o.is_empty()) {
            None => {
                d.framework
                    .insert(parent.as_deref(), node)
                    .map_err(edit_error)?;
                Ok((format!("添加指标 {code} {title}"), None, Some(row)))
            }
            Some(o) => {
                let (old_parent, old) = d.framework.find(o).ok_or(AppError::NotFound)?;
                let before = IndicatorRow::of(old, old_parent.unwrap_or(""));
                d.framework
                    .replace(o, parent.as_deref(), node)
                    .map_err(edit_error)?;
                Ok((format!("修改指标 {code} {title}"), Some(before), Some(row)))
            }
        }
    })
    .await
}

/// Removes an indicator with everything below it from a draft.
pub async fn remove_indicator(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
    code: &str,
) -> Result<(), AppError> {
    edit(db, caller, id, |d| {
        let (parent, _) = d.framework.find(code).ok_or(AppError::NotFound)?;
        let parent = parent.unwrap_or("").to_string();
        let node = d.framework.remove(code).map_err(edit_error)?;
        let what = format!("删除指标 {} {}", node.code, node.title);
        Ok((what, Some(IndicatorRow::of(&node, &parent)), None::<()>))
    })
    .await
}

/// Changes a draft's name, year, total and bands.
pub async fn save_settings(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
    s: &Settings,
) -> Result<(), AppError> {
    let year = year_of(&s.year)?;
    let total = total_of(&s.total)?;
    let mut bands = vec![];
    for (label, min) in &s.bands {
        if let Some(b) = band_of(label, min).map_err(|m| AppError::invalid("bands", m))? {
            bands.push(b);
        }
    }
    edit(db, caller, id, |d| {
        let before = settings_json(d);
        d.name = s.name.trim().to_string();
        d.year = year;
        d.framework.total = total;
        d.framework.bands = bands;
        let after = settings_json(d);
        Ok(("基本信息和评定等次".to_string(), before, after))
    })
    .await
}

/// A draft's settings as the audit log shows them.
fn settings_json(d: &Draft) -> serde_json::Value {
    let bands: Vec<String> = d
        .framework
        .bands
        .iter()
        .map(|b| format!("{} {}", b.label, b.min))
        .collect();
    serde_json::json!({
        "name": d.name,
        "year": d.year,
        "total": d.framework.total.to_string(),
        "bands": bands.join("；"),
    })
}

/// Copies a published version into a new draft for `year`, numbered after
/// the standard's last version.
pub async fn new_version(
    db: &Db,
    caller: &Caller,
    id: FrameworkId,
    year: i64,
) -> Result<FrameworkId, AppError> {
    let row = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    require_owner_bureau(caller, row.owner)?;
    if !row.is_published() {
        return Err(AppError::Conflict(
            "草稿可以直接修改；只有已发布的版本才能生成新版本".into(),
        ));
    }
    let year = checked_year(year)?;
    let framework = row.framework()?;
    let version = store::next_version(db, row.owner, &row.name).await?;
    let new = NewFrameworkRow {
        version,
        based_on: Some(id),
        ..first_version(caller, row.owner, row.purpose, &row.name, year, &framework)
    };
    let what = format!(
        "生成评估标准新版本：{}（{year}年，第 {version} 版，据第 {} 版）",
        row.name, row.version
    );
    save(
        db,
        caller,
        &new,
        Entry::new("create", "inspection_framework", what),
    )
    .await
}
