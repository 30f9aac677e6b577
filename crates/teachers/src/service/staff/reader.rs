//! The one door to a staff record for reading: scoped to the caller's
//! institution, the national ID masked for roles without full view, and
//! each view audited here.

use platform::audit::{changes as diff, Change, Entry, Names};
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::vocab::privacy::mask_id_number;
use platform::AppError;
use serde::Serialize;
use serde_json::Value;

use crate::domain::staff::review::ChangeStatus;
use crate::domain::staff::StaffId;
use crate::store::staff::changes::{self, ChangeRow};
use crate::store::staff::honours::{self, HonourRow};
use crate::store::staff::postings::{self, PostingRow};
use crate::store::staff::{self as records, StaffRecord};

/// A record with everything that hangs on it, as the caller may see it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StaffView {
    pub record: StaffRecord,
    /// 出生日期 as shown: in full, or the year beside a masked ID.
    pub birth: String,
    pub postings: Vec<PostingRow>,
    pub honours: Vec<HonourRow>,
    /// Every change, latest first, with what it changed.
    pub changes: Vec<ChangeView>,
}

/// One change as the record's history shows it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ChangeView {
    #[serde(flatten)]
    pub change: ChangeRow,
    /// "字段：旧值 → 新值", in the audit log's words.
    pub diff: Vec<String>,
}

impl StaffView {
    /// Changes still waiting for review.
    pub fn pending(&self) -> impl Iterator<Item = &ChangeView> {
        self.changes
            .iter()
            .filter(|c| c.change.status == ChangeStatus::Pending)
    }
}

/// The changes a change makes, read with the area's audit labels; the ID
/// number and birth date masked unless `full`.
pub fn diff_of(change: &ChangeRow, full: bool) -> Vec<Change> {
    let labels = crate::audit_labels::AUDIT_LABELS
        .iter()
        .find(|e| e.entity == "teachers_staff");
    let parse = |s: &str| -> Option<Value> {
        let mut v: Value = serde_json::from_str(s).ok()?;
        if !full {
            if let Some(o) = v.as_object_mut() {
                if let Some(Value::String(n)) = o.get("national_id") {
                    let masked = mask_id_number(n);
                    o.insert("national_id".into(), Value::String(masked));
                }
                o.remove("birth_date");
            }
        }
        Some(v)
    };
    let before = change.before_json.as_deref().and_then(parse);
    let after = parse(&change.after_json);
    diff(labels, before.as_ref(), after.as_ref(), &Names::default())
}

/// Read access to staff records for one caller.
pub struct StaffReader<'a>(Reader<'a>);

impl<'a> StaffReader<'a> {
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(StaffReader(caller.reader(db, WorkArea::Teachers)?))
    }

    /// One record with its postings, honours and history, its view audited.
    pub async fn view(&self, id: StaffId) -> Result<StaffView, AppError> {
        let db = self.0.db();
        let record = records::get(db, self.0.scope(), id).await?;
        assemble(db, self.0.caller(), self.0.full_view(), record).await
    }
}

/// The record linked to the caller's own account (教师本人), in full, its
/// view audited; 404 when no record is linked. The link is the permission:
/// the account's role need not read the teachers area.
pub async fn own(db: &Db, caller: &Caller) -> Result<StaffView, AppError> {
    let user = caller.who.user_id.ok_or(AppError::NotFound)?;
    let record = records::of_user(db, user)
        .await?
        .ok_or(AppError::NotFound)?;
    assemble(db, caller, true, record).await
}

async fn assemble(
    db: &Db,
    caller: &Caller,
    full: bool,
    mut record: StaffRecord,
) -> Result<StaffView, AppError> {
    let entry = Entry::new(
        "view",
        "teachers_staff",
        format!("查看教职工 {} 的信息", record.fields.name),
    )
    .id(record.id.0)
    .institution(Some(record.institution_id));
    let mut tx = db.begin().await?;
    platform::audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    let birth = if full {
        record.fields.birth_date.to_string()
    } else {
        record.fields.national_id = mask_id_number(&record.fields.national_id);
        record.fields.birth_date.format("%Y年").to_string()
    };
    let changes = changes::of_staff(db, record.id)
        .await?
        .into_iter()
        .map(|change| ChangeView {
            diff: diff_of(&change, full)
                .iter()
                .map(ToString::to_string)
                .collect(),
            change,
        })
        .collect();
    Ok(StaffView {
        postings: postings::list(db, record.id).await?,
        honours: honours::list(db, record.id).await?,
        birth,
        record,
        changes,
    })
}
