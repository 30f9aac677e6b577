//! The left-behind children's archive (留守儿童档案) as its readers see it:
//! only roles that keep archives, within their scope, the guardian's phone
//! masked for roles without full view, and each view audited.

use platform::audit::Entry;
use platform::AppError;

use super::{shown, StudentsReader};
use crate::domain::privacy::{mask_id_number, mask_phone};
use crate::service::left_behind::{
    care_due_before, may_see, student_of, visible_student, ArchiveView, ENTITY,
};
use crate::service::today;
use crate::store::left_behind::{
    self as store, Archive, ArchiveRow, LeftBehindFilter, LeftBehindPage, LeftBehindRow,
};
use crate::store::students::StudentId;

impl StudentsReader<'_> {
    /// A page of the left-behind children's list with their archives'
    /// state, masked, its view audited: 403 for roles that keep no archives.
    pub async fn left_behind(&self, f: &LeftBehindFilter) -> Result<LeftBehindPage, AppError> {
        self.may_keep_archives()?;
        let mut page =
            store::list(self.0.db(), self.0.scope(), f, care_due_before(today())).await?;
        page.items = self.masked_roster(page.items);
        let summary = format!(
            "查看留守儿童名单第 {} 页（{} 人）",
            page.page,
            page.items.len()
        );
        self.audit_roster("view", summary, f).await?;
        Ok(page)
    }

    /// Every matching left-behind child for an export, masked; the export
    /// is audited (action `export`) with its row count.
    pub async fn left_behind_export(
        &self,
        f: &LeftBehindFilter,
    ) -> Result<Vec<LeftBehindRow>, AppError> {
        self.may_keep_archives()?;
        let rows =
            store::list_all(self.0.db(), self.0.scope(), f, care_due_before(today())).await?;
        let rows = self.masked_roster(rows);
        let masked = if self.full_view() {
            ""
        } else {
            "（证件号已脱敏）"
        };
        let summary = format!("导出留守儿童名单 {} 人{masked}", rows.len());
        self.audit_roster("export", summary, f).await?;
        Ok(rows)
    }

    fn may_keep_archives(&self) -> Result<(), AppError> {
        if may_see(self.caller()) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    fn masked_roster(&self, rows: Vec<LeftBehindRow>) -> Vec<LeftBehindRow> {
        let full = self.full_view();
        rows.into_iter()
            .map(|mut r| {
                r.id_number = shown(full, r.id_number, mask_id_number);
                r
            })
            .collect()
    }

    async fn audit_roster(
        &self,
        action: &'static str,
        summary: String,
        f: &LeftBehindFilter,
    ) -> Result<(), AppError> {
        let entry = Entry::new(action, ENTITY, summary)
            .institution(self.0.scope().institution())
            .after(f);
        self.0.audit_view(entry).await
    }

    /// A left-behind student's archive and care records, the view audited:
    /// 403 for roles that keep no archives, 404 outside the caller's scope.
    pub async fn archive(&self, id: StudentId) -> Result<ArchiveView, AppError> {
        let db = self.0.db();
        let s = visible_student(db, self.caller(), id).await?;
        let row = store::get(db, id).await?;
        let care_records = store::care_records(db, id).await?;
        let entry = Entry::new("view", ENTITY, format!("查看 {} 的留守儿童档案", s.name))
            .id(id.0)
            .institution(s.institution_id);
        self.0.audit_view(entry).await?;
        let (mut archive, updated_at) = match row {
            Some(ArchiveRow {
                archive,
                updated_at,
            }) => (archive, Some(updated_at)),
            None => (Archive::default(), None),
        };
        archive.guardian_phone = shown(self.full_view(), archive.guardian_phone, mask_phone);
        Ok(ArchiveView {
            student: student_of(&s),
            archive,
            updated_at,
            care_records,
        })
    }
}
