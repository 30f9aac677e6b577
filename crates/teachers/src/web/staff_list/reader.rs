//! The one door to the staff list for reading: scoped to where the caller
//! may look, national IDs and birth dates masked for roles that do not see
//! personal details, and each view of personal data audited.

use platform::audit::Entry;
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::vocab::privacy::mask_id_number;
use platform::AppError;

use crate::store::staff_list::{self, Search, StaffFilter, StaffPage, StaffQuery, StaffRow};

/// Read access to the staff list for one caller.
#[derive(Clone, Copy, Debug)]
pub struct StaffListReader<'a>(Reader<'a>);

/// Refused to roles that see ID numbers masked: a search by number would
/// tell them whether it exists.
const NO_NUMBER_SEARCH: &str = "您的角色只能看到脱敏的身份证件号，不能按证件号查找，请按姓名查找";

impl<'a> StaffListReader<'a> {
    /// A reader, if the caller's role may read the teachers area (403 otherwise).
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(StaffListReader(caller.reader(db, WorkArea::Teachers)?))
    }

    pub fn full_view(&self) -> bool {
        self.0.full_view()
    }

    /// The filter checked, and refused if it searches by number for a role
    /// that sees numbers masked.
    pub fn check(&self, f: &StaffFilter) -> Result<StaffQuery, AppError> {
        let q = f.check()?;
        let digits =
            f.q.as_deref()
                .unwrap_or_default()
                .chars()
                .any(|c| c.is_ascii_digit());
        if !self.full_view() && (digits || matches!(q.search, Some(Search::NationalId(_)))) {
            return Err(AppError::invalid("q", NO_NUMBER_SEARCH));
        }
        Ok(q)
    }

    /// A page of the list, masked, its view audited.
    pub async fn list(&self, f: &StaffFilter) -> Result<StaffPage, AppError> {
        let q = self.check(f)?;
        let mut page = staff_list::list(self.0.db(), self.0.scope(), &q).await?;
        page.items = page.items.into_iter().map(|r| self.row(r)).collect();
        let summary = format!(
            "查看教职工名单第 {} 页（{} 人）",
            page.page,
            page.items.len()
        );
        self.0.audit_view(self.entry("view", summary, f)).await?;
        Ok(page)
    }

    /// Every matching row for an export, masked; the export audits itself
    /// (action `export`) with its row count.
    pub async fn export_rows(&self, f: &StaffFilter) -> Result<Vec<StaffRow>, AppError> {
        let q = self.check(f)?;
        let rows = staff_list::list_all(self.0.db(), self.0.scope(), &q).await?;
        Ok(rows.into_iter().map(|r| self.row(r)).collect())
    }

    /// The audit entry of a view (`view`) or an export (`export`) of the list.
    pub fn entry(&self, action: &'static str, summary: String, f: &StaffFilter) -> Entry {
        Entry::new(action, "teachers_staff_list", summary)
            .institution(self.0.scope().institution())
            .after(f)
    }

    fn row(&self, mut r: StaffRow) -> StaffRow {
        if self.full_view() {
            r.birth = r.birth_date.to_string();
        } else {
            r.national_id = mask_id_number(&r.national_id);
            r.birth = r.birth_date.format("%Y年").to_string();
        }
        r
    }
}
