//! The registry of unlicensed kindergartens (无证幼儿园): records found in
//! the district, changes of status by their rules, visits with photos, the
//! list with filters, its .xlsx export and import, and the monthly report.
//! The bureau's records: institutions get 404; 民办教育科 and 督导室 write.

mod demo;
pub mod import;
pub mod report;

use chrono::NaiveDate;
use inspection::domain::Owner;
use inspection::service::evidence::{self, Subject, Upload};
use inspection::service::require_owner_bureau;
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::district::Township;
use platform::{AppError, FieldError};
use serde::{Deserialize, Serialize};

pub use demo::fill_demo;

use crate::domain::unlicensed::{apply, is_overdue, Case, Change, Status, UnlicensedId};
use crate::store::unlicensed::{
    self as store, Filter, NewUnlicensed, StatusChange, Unlicensed, Visit,
};

/// The kind of evidence record a visit's photos are attached to.
pub const VISIT_EVIDENCE: &str = "unlicensed_visit";

/// Whether the caller writes the registry.
pub fn may_write(caller: &Caller) -> bool {
    require_owner_bureau(caller, Owner::Private).is_ok()
}

/// A record as a user types it (form, API or a row of an import).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct UnlicensedInput {
    pub name: String,
    pub address: String,
    /// The township's name or code.
    pub township: String,
    pub operator: String,
    pub phone: String,
    pub children: String,
    /// YYYY-MM-DD
    pub found_on: String,
    pub note: String,
}

/// The column labels of the fields, for forms, exports and imports.
pub const FIELDS: [(&str, &str); 8] = [
    ("name", "名称"),
    ("address", "地址"),
    ("township", "乡镇（街道）"),
    ("operator", "举办者"),
    ("phone", "联系电话"),
    ("children", "在园幼儿数"),
    ("found_on", "发现日期"),
    ("note", "备注"),
];

impl UnlicensedInput {
    /// The checked record, or a message per bad field.
    pub fn parse<'a>(
        &'a self,
        townships: &[Township],
        today: NaiveDate,
    ) -> Result<NewUnlicensed<'a>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new("name", "请填写名称"));
        }
        let t = self.township.trim();
        let township = townships.iter().find(|x| x.name == t || x.code == t);
        if township.is_none() {
            errors.push(FieldError::new("township", "请选择所在乡镇（街道）"));
        }
        let children = match self.children.trim() {
            "" => Some(0),
            c => c.parse::<i64>().ok().filter(|n| (0..=2000).contains(n)),
        };
        if children.is_none() {
            errors.push(FieldError::new(
                "children",
                "在园幼儿数应为 0 到 2000 的整数",
            ));
        }
        let found_on = NaiveDate::parse_from_str(self.found_on.trim(), "%Y-%m-%d").ok();
        match found_on {
            None => errors.push(FieldError::new("found_on", "发现日期应为 YYYY-MM-DD")),
            Some(d) if d > today => {
                errors.push(FieldError::new("found_on", "发现日期不能晚于今天"))
            }
            Some(_) => {}
        }
        match (township, children, found_on, errors.is_empty()) {
            (Some(t), Some(children), Some(found_on), true) => Ok(NewUnlicensed {
                name,
                address: self.address.trim(),
                township_id: t.id.0,
                operator: self.operator.trim(),
                phone: self.phone.trim(),
                children,
                found_on,
                note: self.note.trim(),
            }),
            _ => Err(errors),
        }
    }
}

fn duplicate(e: platform::db::DbError) -> AppError {
    match e {
        platform::db::DbError::Unique(_) => {
            AppError::invalid("name", "该乡镇（街道）已登记同名的无证幼儿园")
        }
        e => e.into(),
    }
}

/// The list, filtered.
pub async fn list(db: &Db, caller: &Caller, f: &Filter) -> Result<Vec<Unlicensed>, AppError> {
    let bureau = caller.bureau(db, WorkArea::PrivateEducation)?;
    Ok(store::list(&bureau, f, platform::time::today()).await?)
}

/// A record with its visits.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UnlicensedView {
    pub record: Unlicensed,
    pub overdue: bool,
    pub visits: Vec<VisitView>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct VisitView {
    pub visit: Visit,
    /// Photo ids, served at /inspection/evidence/{id}.
    pub photos: Vec<i64>,
}

pub async fn get(db: &Db, caller: &Caller, id: UnlicensedId) -> Result<UnlicensedView, AppError> {
    let bureau = caller.bureau(db, WorkArea::PrivateEducation)?;
    let record = store::get(&bureau, id).await?.ok_or(AppError::NotFound)?;
    let mut visits = Vec::new();
    for v in store::visits(&bureau, id).await? {
        let photos = evidence::list(db, caller, VISIT_EVIDENCE, v.id).await?;
        visits.push(VisitView {
            photos: photos.iter().map(|p| p.id.0).collect(),
            visit: v,
        });
    }
    Ok(UnlicensedView {
        overdue: is_overdue(record.status, record.deadline, platform::time::today()),
        record,
        visits,
    })
}

/// Registers a kindergarten found in the district (排查发现).
pub async fn create(
    db: &Db,
    caller: &Caller,
    input: &UnlicensedInput,
) -> Result<UnlicensedId, AppError> {
    require_owner_bureau(caller, Owner::Private)?;
    let townships = platform::district::townships(db).await?;
    let new = input
        .parse(&townships, platform::time::today())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, &new).await.map_err(duplicate)?;
    let entry = Entry::new(
        "create",
        "private_unlicensed",
        format!(
            "登记无证幼儿园：{}（在园幼儿 {} 人）",
            new.name, new.children
        ),
    )
    .id(id.0)
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(id)
}

/// A change of status as a user submits it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StatusInput {
    /// rectifying, banned, compliant or stopped
    pub status: String,
    /// The rectification deadline (整改中).
    pub deadline: Option<NaiveDate>,
    /// The date it ended (取缔, 转为合规, 停办).
    pub on: Option<NaiveDate>,
    /// Where the children went (取缔, 停办).
    pub placement: String,
    pub version: i64,
}

impl StatusInput {
    fn change(&self) -> Result<Change, AppError> {
        let need = |d: Option<NaiveDate>, field: &str, what: &str| {
            d.ok_or_else(|| AppError::invalid(field, format!("请填写{what}")))
        };
        match Status::parse(&self.status) {
            Some(Status::Rectifying) => Ok(Change::Rectify {
                deadline: need(self.deadline, "deadline", "整改期限")?,
            }),
            Some(to @ (Status::Banned | Status::Stopped)) => Ok(Change::End {
                to,
                on: need(self.on, "on", "办结日期")?,
                placement: self.placement.clone(),
            }),
            Some(Status::Compliant) => Ok(Change::Comply {
                on: need(self.on, "on", "办结日期")?,
            }),
            _ => Err(AppError::invalid("status", "请选择新的状态")),
        }
    }
}

/// Changes the status by the rule of the change.
pub async fn change_status(
    db: &Db,
    caller: &Caller,
    id: UnlicensedId,
    input: &StatusInput,
) -> Result<Unlicensed, AppError> {
    caller.bureau(db, WorkArea::PrivateEducation)?;
    require_owner_bureau(caller, Owner::Private)?;
    let change = input.change()?;
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let last_visit = store::visits(&mut tx, id)
        .await?
        .first()
        .map(|v| v.visited_on);
    let case = Case {
        status: before.status,
        found_on: before.found_on,
        children: before.children,
        last_visit,
        rectifying_since: before.rectifying_since,
    };
    let status =
        apply(&case, &change, today).map_err(|e| AppError::invalid(e.field(), e.to_string()))?;
    let (deadline, ended_on, placement) = match &change {
        Change::Rectify { deadline } => (Some(*deadline), None, ""),
        Change::End { on, placement, .. } => (before.deadline, Some(*on), placement.trim()),
        Change::Comply { on } => (before.deadline, Some(*on), ""),
    };
    let row = StatusChange {
        status,
        deadline,
        rectifying_since: before.rectifying_since.or(deadline.map(|_| today)),
        ended_on,
        placement,
    };
    if !store::set_status(&mut tx, id, input.version, &row).await? {
        return Err(AppError::stale(
            "该无证幼儿园",
            input.version,
            before.version,
        ));
    }
    let after = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let entry = Entry::new(
        "update",
        "private_unlicensed",
        format!(
            "{}：{} → {}",
            before.name,
            before.status.label(),
            after.status.label()
        ),
    )
    .id(id.0)
    .before(&before)
    .after(&after);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(after)
}

/// A visit as a user submits it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct VisitInput {
    pub visited_on: Option<NaiveDate>,
    pub visitor: String,
    pub found: String,
}

/// Records a visit with its photos (checked by content; a bad file refuses
/// the visit).
pub async fn add_visit(
    db: &Db,
    caller: &Caller,
    id: UnlicensedId,
    input: &VisitInput,
    photos: &[Upload],
) -> Result<i64, AppError> {
    caller.bureau(db, WorkArea::PrivateEducation)?;
    require_owner_bureau(caller, Owner::Private)?;
    let on = input
        .visited_on
        .ok_or_else(|| AppError::invalid("visited_on", "请填写走访日期"))?;
    let (visitor, found) = (input.visitor.trim(), input.found.trim());
    let mut errors = Vec::new();
    if on > platform::time::today() {
        errors.push(FieldError::new("visited_on", "走访日期不能晚于今天"));
    }
    if visitor.is_empty() {
        errors.push(FieldError::new("visitor", "请填写走访人员"));
    }
    if found.is_empty() {
        errors.push(FieldError::new("found", "请填写走访发现的情况"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    evidence::check_all(photos)?;
    let mut tx = db.begin().await?;
    let record = store::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    if on < record.found_on {
        return Err(AppError::invalid("visited_on", "走访日期不能早于发现日期"));
    }
    let visit = store::insert_visit(&mut tx, id, on, visitor, found).await?;
    let subject = Subject {
        owner: Owner::Private,
        institution_id: None,
        kind: VISIT_EVIDENCE,
        id: visit,
        indicator_code: "",
    };
    let files = evidence::attach(&mut tx, caller, subject, photos).await?;
    let entry = Entry::new(
        "create",
        "private_unlicensed_visit",
        format!(
            "走访无证幼儿园{}（{on}），照片 {} 张",
            record.name,
            files.len()
        ),
    )
    .id(visit)
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(visit)
}

/// How many are past their rectification deadline (for the inbox and the
/// start page), for the bureau; none for others.
pub async fn overdue(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    match caller.bureau(db, WorkArea::PrivateEducation) {
        Ok(b) => Ok(store::overdue_count(&b, platform::time::today()).await?),
        Err(_) => Ok(0),
    }
}
