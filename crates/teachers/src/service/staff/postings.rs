//! Postings (岗位变动) and honours and 师德 records (荣誉与师德) added to a
//! record the caller may see.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::vocab::{Checker, Field};
use platform::web::directory::resolve;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::staff::postings::{may_leave_district, moves_employment, plan, Span};
use crate::domain::staff::StaffId;
use crate::domain::{HonourKind, Level, PostingKind};
use crate::store::staff::honours::{self, NewHonour};
use crate::store::staff::postings::{self as rows, NewPosting};
use crate::store::staff::{self as records, StaffRecord};

/// A posting as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PostingInput {
    /// transfer / rotation / support / paired_support, or 调动 …
    pub kind: String,
    /// An institution of the district: name or 学校标识码.
    pub institution: String,
    /// A place outside the district (支教, 对口支援 only).
    pub destination: String,
    pub starts_on: String,
    /// For a fixed term; empty while it lasts.
    pub ends_on: String,
    pub note: String,
}

/// An honour or 师德 record as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct HonourInput {
    /// honour / ethics_award / ethics_violation, or 荣誉 …
    pub kind: String,
    pub title: String,
    /// national … school, or 国家级 …
    pub level: String,
    pub year: String,
    /// 师德一票否决 (violations only): 是/否.
    pub veto: String,
    pub note: String,
}

async fn writable(db: &Db, caller: &Caller, id: StaffId) -> Result<StaffRecord, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    Ok(records::get(db, &caller.scope, id).await?)
}

fn coded<T>(
    c: &mut Checker,
    f: Field,
    v: &str,
    parse: fn(&str) -> Option<T>,
    all: &[&str],
) -> Option<T> {
    let v = c.required(f, v);
    if v.is_empty() {
        return None;
    }
    let found = parse(v);
    if found.is_none() {
        c.one_of(f, v, all);
    }
    found
}

async fn checked_posting(db: &Db, input: &PostingInput) -> Result<NewPosting, AppError> {
    let mut c = Checker::new();
    let kinds: Vec<&str> = PostingKind::ALL
        .iter()
        .filter(|k| **k != PostingKind::Appointment)
        .map(|k| k.label())
        .collect();
    let kind = coded(
        &mut c,
        Field::new("kind", "变动类别"),
        &input.kind,
        PostingKind::parse,
        &kinds,
    );
    let starts_on = c.date(Field::new("starts_on", "起始日期"), &input.starts_on);
    if input.starts_on.trim().is_empty() {
        c.required(Field::new("starts_on", "起始日期"), "");
    }
    let ends_on = c.date(Field::new("ends_on", "结束日期"), &input.ends_on);
    let destination = c
        .text(
            Field::new("destination", "去向（区外单位）"),
            &input.destination,
            100,
        )
        .to_string();
    let note = c
        .text(Field::new("note", "备注"), &input.note, 200)
        .to_string();
    let mut institution_id = None;
    if !input.institution.trim().is_empty() {
        let all = institutions::store::directory(db).await?;
        match resolve(&all, &input.institution) {
            Ok(id) => institution_id = Some(id),
            Err(why) => c.custom("institution", format!("去向单位：{why}")),
        }
    }
    if kind == Some(PostingKind::Appointment) {
        c.custom(
            "kind",
            "任职记录在新增教职工时生成；请选择调动、交流轮岗、支教或对口支援",
        );
    }
    if let Some(k) = kind {
        let outside = institution_id.is_none() && !c.has_error("institution");
        if outside && destination.is_empty() {
            c.custom(
                "institution",
                "请选择区内的去向单位，或（支教、对口支援）填写区外去向",
            );
        } else if outside && !may_leave_district(k) {
            c.custom("institution", format!("{}须选择区内的去向单位", k.label()));
        }
    }
    let (Some(kind), Some(starts_on)) = (kind, starts_on) else {
        return Err(AppError::Invalid(c.into_errors()));
    };
    let p = NewPosting {
        kind,
        destination: if institution_id.is_some() {
            String::new()
        } else {
            destination
        },
        institution_id,
        starts_on,
        ends_on,
        note,
    };
    c.finish(p).map_err(AppError::Invalid)
}

/// Adds a posting: the open one closes the day before, overlaps are
/// refused, and a 调动 moves the employing institution (人事关系).
pub async fn add_posting(
    db: &Db,
    caller: &Caller,
    id: StaffId,
    input: &PostingInput,
) -> Result<i64, AppError> {
    let staff = writable(db, caller, id).await?;
    let posting = checked_posting(db, input).await?;
    let mut tx = db.begin().await?;
    let existing: Vec<Span> = rows::list(&mut tx, id)
        .await?
        .iter()
        .map(|p| Span {
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            place: p.place().to_string(),
        })
        .collect();
    let plan = plan(&existing, posting.starts_on, posting.ends_on)
        .map_err(|why| AppError::invalid("starts_on", why))?;
    if let Some(on) = plan.close_open_on {
        rows::close_open(&mut tx, id, on).await?;
    }
    let posting_id = rows::insert(&mut tx, id, &posting).await?;
    if let (true, Some(to)) = (moves_employment(posting.kind), posting.institution_id) {
        records::move_to(&mut tx, id, to).await?;
    }
    let summary = format!(
        "为教职工 {} 登记{}",
        staff.fields.name,
        posting.kind.label()
    );
    let entry = Entry::new("create", "teachers_posting", summary)
        .id(posting_id)
        .institution(Some(staff.institution_id))
        .after(&posting);
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(posting_id)
}

fn checked_honour(input: &HonourInput) -> Result<NewHonour, AppError> {
    let mut c = Checker::new();
    let kinds: Vec<&str> = HonourKind::ALL.iter().map(|k| k.label()).collect();
    let levels: Vec<&str> = Level::ALL.iter().map(|k| k.label()).collect();
    let kind = coded(
        &mut c,
        Field::new("kind", "类别"),
        &input.kind,
        HonourKind::parse,
        &kinds,
    );
    let title = c
        .required_text(Field::new("title", "名称"), &input.title, 100)
        .to_string();
    let level = coded(
        &mut c,
        Field::new("level", "级别"),
        &input.level,
        Level::parse,
        &levels,
    );
    let year_field = Field::new("year", "年度");
    c.required(year_field, &input.year);
    let this_year = chrono::Datelike::year(&platform::time::today()) as i64;
    let year = c.int(year_field, &input.year, 1950..=this_year);
    let veto = c.yes_no(Field::new("veto", "师德一票否决"), &input.veto);
    let note = c
        .text(Field::new("note", "备注"), &input.note, 200)
        .to_string();
    if veto && kind.is_some_and(|k| k != HonourKind::EthicsViolation) {
        c.custom("veto", "只有师德失范记录可以一票否决");
    }
    let (Some(kind), Some(level), Some(year)) = (kind, level, year) else {
        return Err(AppError::Invalid(c.into_errors()));
    };
    c.finish(NewHonour {
        kind,
        title,
        level,
        year,
        veto,
        note,
    })
    .map_err(AppError::Invalid)
}

/// Adds an honour, a 师德 award or a 师德 violation (with its veto).
pub async fn add_honour(
    db: &Db,
    caller: &Caller,
    id: StaffId,
    input: &HonourInput,
) -> Result<i64, AppError> {
    let staff = writable(db, caller, id).await?;
    let honour = checked_honour(input)?;
    let mut tx = db.begin().await?;
    let honour_id = honours::insert(&mut tx, id, &honour).await?;
    let summary = format!(
        "为教职工 {} 登记{}：{}",
        staff.fields.name,
        honour.kind.label(),
        honour.title
    );
    let entry = Entry::new("create", "teachers_honour", summary)
        .id(honour_id)
        .institution(Some(staff.institution_id))
        .after(&honour);
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(honour_id)
}
