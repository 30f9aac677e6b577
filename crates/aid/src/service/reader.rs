//! The one door to aid applications (资助申请) and reports for reading:
//! scoped to the caller's institution, masked for roles without full view,
//! and each view of an application audited here, so no handler can forget
//! any of the three. Another institution's application is not found (404)
//! on every route alike.

use platform::audit::Entry;
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::web::Pager;
use platform::AppError;

use crate::domain::{ApplicationId, ApplicationStatus};
use crate::store::application_pages;
use crate::store::applications::ApplicationRow;
use crate::store::reports::{self, BudgetRow, ReportFilter, ReportRow};

/// What a role without full view sees instead of the family's own account
/// of its circumstances (申请理由).
pub const HIDDEN: &str = "（已隐去）";

/// Read access to aid applications and reports for one caller.
#[derive(Clone, Copy, Debug)]
pub struct AidReader<'a>(Reader<'a>);

/// One page of applications and where it stands.
pub struct ApplicationPage {
    pub items: Vec<ApplicationRow>,
    pub pager: Pager,
}

impl<'a> AidReader<'a> {
    /// A reader, if the caller's role may read aid (403 otherwise).
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(AidReader(caller.reader(db, WorkArea::Aid)?))
    }

    /// A page of applications in `status` (all if none), masked, the view
    /// audited.
    pub async fn applications(
        &self,
        status: Option<ApplicationStatus>,
        page: i64,
        per_page: i64,
    ) -> Result<ApplicationPage, AppError> {
        let (db, scope) = (self.0.db(), self.0.scope());
        let total = application_pages::count(db, scope, status).await?;
        let pager = Pager::new(page, per_page, total);
        let rows = application_pages::page(db, scope, status, per_page, pager.offset()).await?;
        let items: Vec<_> = rows.into_iter().map(|r| self.masked(r)).collect();
        let summary = format!("查看资助申请第 {} 页（{} 条）", pager.page, items.len());
        let entry = Entry::new("view", "aid_application", summary)
            .institution(scope.institution())
            .after(&status);
        self.0.audit_view(entry).await?;
        Ok(ApplicationPage { items, pager })
    }

    /// One application, masked, the view audited.
    pub async fn application(&self, id: ApplicationId) -> Result<ApplicationRow, AppError> {
        let a = application_pages::get(self.0.db(), self.0.scope(), id).await?;
        let summary = format!("查看 {} 的资助申请（{}）", a.student_name, a.program_name);
        let entry = Entry::new("view", "aid_application", summary)
            .id(a.id.0)
            .institution(Some(a.institution_id));
        self.0.audit_view(entry).await?;
        Ok(self.masked(a))
    }

    /// Totals by program, institution, township, stage or term, within the
    /// caller's scope (no person appears in them).
    pub async fn totals(&self, f: &ReportFilter) -> Result<Vec<ReportRow>, AppError> {
        Ok(reports::totals(self.0.db(), self.0.scope(), f).await?)
    }

    /// The 合计 row of the same report: 人数 counts each student once.
    pub async fn overall(&self, f: &ReportFilter) -> Result<ReportRow, AppError> {
        Ok(reports::overall(self.0.db(), self.0.scope(), f).await?)
    }

    /// Budget and use per program in a school year, within the scope.
    pub async fn budget(&self, school_year: i64) -> Result<Vec<BudgetRow>, AppError> {
        Ok(reports::budget(self.0.db(), self.0.scope(), school_year).await?)
    }

    fn masked(&self, mut a: ApplicationRow) -> ApplicationRow {
        if !self.0.full_view() && !a.statement.is_empty() {
            a.statement = HIDDEN.into();
        }
        a
    }
}
