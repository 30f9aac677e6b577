//! The one door to student records (学籍) for reading: scoped to the
//! caller's institution, masked for roles without full view, and each view
//! of personal data audited here, so no handler can forget any of the three.
//! Dropout cases and left-behind archives have their doors beside it.

mod dropout;
mod left_behind;

pub use dropout::DropoutReader;

use platform::audit::Entry;
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};

use crate::domain::privacy::{mask_address, mask_id_number, mask_phone};
use crate::store::enrolments::{self, EnrolmentRow};
use crate::store::students::{
    self, StudentFilter, StudentId, StudentPage, StudentRecord, StudentRow,
};

/// Read access to student records for one caller.
#[derive(Clone, Copy, Debug)]
pub struct StudentsReader<'a>(Reader<'a>);

/// A student the caller's scope has been checked against: the only key to
/// a student's child rows (enrolments, aid benefits), so those cannot be
/// read for a student of another institution.
#[derive(Clone, Debug)]
pub struct Found {
    id: StudentId,
    name: String,
    institution_id: Option<InstitutionId>,
}

impl Found {
    pub fn id(&self) -> StudentId {
        self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

/// A personal value as the caller may see it: in full, or masked.
fn shown(full_view: bool, value: String, mask: fn(&str) -> String) -> String {
    if full_view {
        value
    } else {
        mask(&value)
    }
}

/// Refused to roles that see ID numbers masked: a search by number would
/// tell them whether it exists, and match what the mask hides.
const NO_NUMBER_SEARCH: &str = "您的角色只能看到脱敏的证件号，不能按证件号查找学生，请按姓名查找";

impl<'a> StudentsReader<'a> {
    /// A reader, if the caller's role may read student records (403 otherwise).
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(StudentsReader(caller.reader(db, WorkArea::Students)?))
    }

    /// Student records as another area's reader reaches them (aid's
    /// benefits of a student): the same scope, masking and audit.
    pub fn within(reader: Reader<'a>) -> Self {
        StudentsReader(reader)
    }

    pub fn caller(&self) -> &'a Caller {
        self.0.caller()
    }

    /// Whether the caller sees personal details in full.
    pub fn full_view(&self) -> bool {
        self.0.full_view()
    }

    /// A page of the student list, masked, and its view audited.
    pub async fn list(&self, f: &StudentFilter) -> Result<StudentPage, AppError> {
        self.check_search(f)?;
        let mut page = students::list(self.0.db(), self.0.scope(), f).await?;
        page.items = page.items.into_iter().map(|r| self.row(r)).collect();
        let summary = format!("查看学生名单第 {} 页（{} 人）", page.page, page.items.len());
        self.0.audit_view(self.list_entry(summary, f)).await?;
        Ok(page)
    }

    /// Every matching student for an export, masked; the caller audits the
    /// export itself (action `export`) with the file's row count.
    pub async fn export_rows(&self, f: &StudentFilter) -> Result<Vec<StudentRow>, AppError> {
        self.check_search(f)?;
        let rows = students::list_all(self.0.db(), self.0.scope(), f).await?;
        Ok(rows.into_iter().map(|r| self.row(r)).collect())
    }

    /// One student's record, masked, its view audited.
    pub async fn record(&self, id: StudentId) -> Result<StudentRecord, AppError> {
        let s = self.scoped(id).await?;
        self.audit(&self.found(&s), "学籍").await?;
        Ok(self.record_masked(s))
    }

    /// A student's enrolments (学籍变动), oldest first, the view audited.
    pub async fn history(&self, id: StudentId) -> Result<Vec<EnrolmentRow>, AppError> {
        let found = self.student(id, "学籍变动").await?;
        Ok(enrolments::history(self.0.db(), &found).await?)
    }

    /// A record and its enrolments for the record page: one audited view.
    pub async fn record_with_history(
        &self,
        id: StudentId,
    ) -> Result<(StudentRecord, Vec<EnrolmentRow>), AppError> {
        let s = self.record(id).await?;
        let found = self.found(&s);
        Ok((s, enrolments::history(self.0.db(), &found).await?))
    }

    /// The scoped key to a student's rows in another area (such as aid
    /// benefits), the view of `what` audited.
    pub async fn student(&self, id: StudentId, what: &str) -> Result<Found, AppError> {
        let s = self.scoped(id).await?;
        let found = self.found(&s);
        self.audit(&found, what).await?;
        Ok(found)
    }

    fn found(&self, s: &StudentRecord) -> Found {
        Found {
            id: s.id,
            name: s.name.clone(),
            institution_id: s.institution_id,
        }
    }

    async fn audit(&self, s: &Found, what: &str) -> Result<(), AppError> {
        let entry = Entry::new("view", "student", format!("查看学生 {} 的{what}", s.name))
            .id(s.id.0)
            .institution(s.institution_id);
        self.0.audit_view(entry).await
    }

    fn list_entry(&self, summary: String, f: &StudentFilter) -> Entry {
        Entry::new("view", "student", summary)
            .institution(self.0.scope().institution())
            .after(f)
    }

    fn check_search(&self, f: &StudentFilter) -> Result<(), AppError> {
        let q = f.q.as_deref().unwrap_or_default();
        if !self.full_view() && q.chars().any(|c| c.is_ascii_digit()) {
            return Err(AppError::invalid("q", NO_NUMBER_SEARCH));
        }
        Ok(())
    }

    fn shown(&self, full: String, mask: fn(&str) -> String) -> String {
        shown(self.full_view(), full, mask)
    }

    /// 出生日期 as shown: in full, or the year only beside a masked ID
    /// number, whose hidden digits are exactly the birth date.
    fn birth(&self, d: chrono::NaiveDate) -> String {
        if self.full_view() {
            d.to_string()
        } else {
            d.format("%Y年").to_string()
        }
    }

    fn record_masked(&self, mut s: StudentRecord) -> StudentRecord {
        s.id_number = self.shown(s.id_number, mask_id_number);
        s.address = self.shown(s.address, mask_address);
        s.phone = self.shown(s.phone, mask_phone);
        s.guardian_phone = self.shown(s.guardian_phone, mask_phone);
        s.birth = self.birth(s.birth_date);
        s
    }

    fn row(&self, mut r: StudentRow) -> StudentRow {
        r.id_number = self.shown(r.id_number, mask_id_number);
        r.birth = self.birth(r.birth_date);
        r
    }

    /// An ID number as this caller may see it (a number searched for, in
    /// an export's title).
    pub fn id_number(&self, n: &str) -> String {
        self.shown(n.to_string(), mask_id_number)
    }

    /// A record written by the caller (admission, a life-cycle step),
    /// masked as their reads are; not a view of someone else's data.
    pub fn written(&self, s: StudentRecord) -> StudentRecord {
        self.record_masked(s)
    }
}
