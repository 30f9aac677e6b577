//! The left-behind children's archive (留守儿童档案) as its readers see it:
//! only roles that keep archives, within their scope, the guardian's phone
//! masked for roles without full view, and each view audited.

use platform::audit::Entry;
use platform::AppError;

use super::{shown, StudentsReader};
use crate::domain::privacy::mask_phone;
use crate::service::left_behind::{student_of, visible_student, ArchiveView, ENTITY};
use crate::store::left_behind::{self as store, Archive, ArchiveRow};
use crate::store::students::StudentId;

impl StudentsReader<'_> {
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
