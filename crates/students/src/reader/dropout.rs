//! The door to dropout-control cases (控辍保学) for reading: scoped to the
//! caller's institution, ID numbers masked for roles without full view,
//! and each view of the list, a case or an export audited here.

use platform::audit::Entry;
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::{Db, DbError};
use platform::AppError;

use super::{shown, StudentsReader, NO_NUMBER_SEARCH};
use crate::domain::dropout::CaseStatus;
use crate::domain::ids::CaseId;
use crate::domain::privacy::mask_id_number;
use crate::service::dropout::{CaseDetail, ENTITY};
use crate::store::dropout::{self as store, CaseFilter, CasePage, CaseRow};
use crate::store::students::{self, StudentId, StudentRecord};

/// The most cases one export holds.
const EXPORT_CAP: i64 = 20_000;

/// Read access to dropout-control cases for one caller.
#[derive(Clone, Copy, Debug)]
pub struct DropoutReader<'a>(Reader<'a>);

impl<'a> DropoutReader<'a> {
    /// A reader, if the caller's role may read dropout control (403 otherwise).
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(DropoutReader(caller.reader(db, WorkArea::Dropout)?))
    }

    /// Whether the caller sees ID numbers in full.
    pub fn full_view(&self) -> bool {
        self.0.full_view()
    }

    /// A page of the case list, masked, and its view audited.
    pub async fn list(&self, f: &CaseFilter) -> Result<CasePage, AppError> {
        let f = self.checked(f)?;
        let mut page = store::list(self.0.db(), self.0.scope(), &f).await?;
        page.items = page.items.into_iter().map(|c| self.masked(c)).collect();
        let summary = format!(
            "查看控辍保学案件名单第 {} 页（{} 件）",
            page.page,
            page.items.len()
        );
        self.0
            .audit_view(self.list_entry("view", summary, &f))
            .await?;
        Ok(page)
    }

    /// Every matching case for an export, masked; the export is audited
    /// (action `export`) with its row count.
    pub async fn export(&self, f: &CaseFilter) -> Result<Vec<CaseRow>, AppError> {
        let mut f = self.checked(f)?;
        let mut rows = Vec::new();
        for page in 1.. {
            f.page = Some(page);
            let p = store::list(self.0.db(), self.0.scope(), &f).await?;
            let full = i64::try_from(p.items.len()).is_ok_and(|n| n >= p.per_page);
            let last = !full || p.page * p.per_page >= EXPORT_CAP;
            rows.extend(p.items.into_iter().map(|c| self.masked(c)));
            if last {
                break;
            }
        }
        f.page = None;
        let masked = if self.full_view() {
            ""
        } else {
            "（证件号已脱敏）"
        };
        let summary = format!("导出控辍保学案件 {} 件{masked}", rows.len());
        self.0
            .audit_view(self.list_entry("export", summary, &f))
            .await?;
        Ok(rows)
    }

    /// One case with its home visits, masked, its view audited; another
    /// institution's case is "not found".
    pub async fn case(&self, id: CaseId) -> Result<CaseDetail, AppError> {
        let case = store::get(self.0.db(), self.0.scope(), id).await?;
        let visits = store::visits(self.0.db(), id).await?;
        let entry = Entry::new("view", ENTITY, format!("查看控辍保学案件：{}", case.name))
            .id(id.0)
            .institution(case.institution_id);
        self.0.audit_view(entry).await?;
        Ok(CaseDetail {
            case: self.masked(case),
            visits,
        })
    }

    /// A case written by the caller, masked as their reads are.
    pub fn written(&self, c: CaseRow) -> CaseRow {
        self.masked(c)
    }

    fn masked(&self, mut c: CaseRow) -> CaseRow {
        c.id_number = shown(self.full_view(), c.id_number, mask_id_number);
        c
    }

    /// The filter with its status checked and in its stored form; a search
    /// by number is refused to roles that see numbers masked.
    fn checked(&self, f: &CaseFilter) -> Result<CaseFilter, AppError> {
        let status = f.status.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let parsed = status.map(|s| CaseStatus::parse(s).ok_or(s)).transpose();
        let status =
            parsed.map_err(|s| AppError::invalid("status", format!("案件状态“{s}”无效")))?;
        let q = f.q.as_deref().unwrap_or_default();
        if !self.full_view() && q.chars().any(|c| c.is_ascii_digit()) {
            return Err(AppError::invalid("q", NO_NUMBER_SEARCH));
        }
        Ok(CaseFilter {
            status: status.map(|s| s.as_str().to_string()),
            ..f.clone()
        })
    }

    fn list_entry(&self, action: &'static str, summary: String, f: &CaseFilter) -> Entry {
        Entry::new(action, ENTITY, summary)
            .institution(self.0.scope().institution())
            .after(f)
    }
}

impl StudentsReader<'_> {
    /// A student within the caller's scope: enrolled at the caller's
    /// institution now, or dropped out of it, enrolled nowhere since and
    /// followed by its dropout case ([`store::former_pupil`]).
    pub(super) async fn scoped(&self, id: StudentId) -> Result<StudentRecord, AppError> {
        let (db, scope) = (self.0.db(), self.0.scope());
        match students::get(db, scope, id).await {
            Err(DbError::NotFound) => store::former_pupil(db, scope, id)
                .await?
                .ok_or(AppError::NotFound),
            found => Ok(found?),
        }
    }
}
