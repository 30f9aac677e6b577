//! 批次审核: what a reviewer sees of a batch before approving it — every
//! line with the student's name and masked ID number, a page at a time or
//! all of them for export — masked for the caller's role and each view
//! audited here.

use platform::audit::Entry;
use platform::auth::{Bureau, Caller};
use platform::db::Db;
use platform::vocab::privacy::mask_id_number;
use platform::web::Pager;
use platform::AppError;

use crate::domain::BatchId;
use crate::store::batch_lines::{self, LineFilter, ReviewLine};

/// Lines on one page of the review.
pub const PER_PAGE: i64 = 50;

/// One page of a batch's lines and where it stands.
pub struct LinePage {
    pub lines: Vec<ReviewLine>,
    pub pager: Pager,
}

/// A page of the batch's lines matching `f`, masked, the view audited.
pub async fn page(
    db: &Db,
    caller: &Caller,
    batch: BatchId,
    f: &LineFilter,
) -> Result<LinePage, AppError> {
    let bureau = super::bureau(db, caller)?;
    let numbers = bureau.full_view();
    let total = batch_lines::count(&bureau, batch, f, numbers).await?;
    let pager = Pager::new(f.page.unwrap_or(1), PER_PAGE, total);
    let lines =
        batch_lines::lines(&bureau, batch, f, numbers, Some((PER_PAGE, pager.offset()))).await?;
    let summary = format!(
        "查看资助批次 #{batch} 明细第 {} 页（{} 条）",
        pager.page,
        lines.len()
    );
    audited(&bureau, batch, f, "view", summary).await?;
    Ok(LinePage {
        lines: masked(&bureau, lines),
        pager,
    })
}

/// Every line of the batch matching `f`, masked, the export audited.
pub async fn all(
    db: &Db,
    caller: &Caller,
    batch: BatchId,
    f: &LineFilter,
) -> Result<Vec<ReviewLine>, AppError> {
    let bureau = super::bureau(db, caller)?;
    let numbers = bureau.full_view();
    let lines = batch_lines::lines(&bureau, batch, f, numbers, None).await?;
    let summary = format!("导出资助批次 #{batch} 明细（{} 条）", lines.len());
    audited(&bureau, batch, f, "export", summary).await?;
    Ok(masked(&bureau, lines))
}

/// The institutions a batch pays, for the review's filter.
pub async fn institutions(
    db: &Db,
    caller: &Caller,
    batch: BatchId,
) -> Result<Vec<(i64, String)>, AppError> {
    let bureau = super::bureau(db, caller)?;
    Ok(batch_lines::institutions(&bureau, batch).await?)
}

async fn audited(
    bureau: &Bureau<'_>,
    batch: BatchId,
    f: &LineFilter,
    action: &'static str,
    summary: String,
) -> Result<(), AppError> {
    bureau
        .audit_view(
            Entry::new(action, "aid_batch", summary)
                .id(batch.0)
                .after(f),
        )
        .await
}

fn masked(bureau: &Bureau<'_>, mut lines: Vec<ReviewLine>) -> Vec<ReviewLine> {
    if !bureau.full_view() {
        for l in &mut lines {
            l.id_number = mask_id_number(&l.id_number);
        }
    }
    lines
}
