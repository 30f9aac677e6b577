//! Progress reports of a project and their work items.

use chrono::NaiveDate;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use super::photos::PhotoMeta;
use crate::domain::progress::{Draft, Earlier, ItemProgress, ProjectId, ReportId, Tenths};

/// A report with its items and its photos' descriptions.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub id: ReportId,
    pub project_id: ProjectId,
    pub reported_on: NaiveDate,
    #[schema(value_type = i64)]
    pub overall: Tenths,
    pub notes: String,
    pub reason: String,
    pub reported_by: String,
    #[sqlx(skip)]
    pub items: Vec<ItemProgress>,
    #[sqlx(skip)]
    pub photos: Vec<PhotoMeta>,
}

const ORDER: &str = " ORDER BY r.reported_on DESC, r.id DESC";

/// The project's reports, newest first, with items and photos.
pub async fn list<'a>(ex: impl Into<Ex<'a>>, project: ProjectId) -> Result<Vec<Report>, DbError> {
    let mut ex = ex.into();
    let mut reports: Vec<Report> = ex
        .fetch_all(
            Sql::new(
                "SELECT r.id, r.project_id, r.reported_on, r.overall, r.notes, r.reason, r.reported_by \
                 FROM construction_progress_reports r WHERE r.project_id = ",
            )
            .bind(project)
            .push(ORDER),
        )
        .await?;
    let items: Vec<(ReportId, ItemProgress)> = ex
        .fetch_all(
            Sql::new(
                "SELECT i.report_id, i.item, i.done FROM construction_progress_items i \
                 JOIN construction_progress_reports r ON r.id = i.report_id WHERE r.project_id = ",
            )
            .bind(project)
            .push(" ORDER BY i.report_id"),
        )
        .await?
        .into_iter()
        .map(|(id, item, done)| (id, ItemProgress { item, done }))
        .collect();
    let photos = super::photos::of_project(&mut ex, project).await?;
    for r in &mut reports {
        r.items = items
            .iter()
            .filter(|(id, _)| *id == r.id)
            .map(|(_, i)| *i)
            .collect();
        r.items.sort_by_key(|i| {
            crate::domain::progress::WorkItem::ALL
                .iter()
                .position(|w| *w == i.item)
        });
        r.photos = photos
            .iter()
            .filter(|p| p.report_id == r.id)
            .cloned()
            .collect();
    }
    Ok(reports)
}

/// What the project's reports said so far: the latest date and overall
/// figure, each item's latest figure.
pub async fn earlier<'a>(ex: impl Into<Ex<'a>>, project: ProjectId) -> Result<Earlier, DbError> {
    let mut ex = ex.into();
    let last: Option<(NaiveDate, Tenths)> = ex
        .fetch_optional(
            Sql::new("SELECT r.reported_on, r.overall FROM construction_progress_reports r WHERE r.project_id = ")
                .bind(project)
                .push(ORDER)
                .push(" LIMIT 1"),
        )
        .await?;
    let rows: Vec<(crate::domain::progress::WorkItem, Tenths)> = ex
        .fetch_all(
            Sql::new(
                "SELECT i.item, i.done FROM construction_progress_items i \
                 JOIN construction_progress_reports r ON r.id = i.report_id WHERE r.project_id = ",
            )
            .bind(project)
            .push(" ORDER BY r.reported_on, r.id"),
        )
        .await?;
    let mut items: Vec<ItemProgress> = Vec::new();
    for (item, done) in rows {
        items.retain(|i| i.item != item);
        items.push(ItemProgress { item, done });
    }
    Ok(Earlier {
        reported_on: last.map(|l| l.0),
        overall: last.map(|l| l.1),
        items,
    })
}

/// Writes a report and its items.
pub async fn insert(
    tx: &mut Tx,
    project: ProjectId,
    draft: &Draft,
    notes: &str,
    by: &str,
) -> Result<ReportId, DbError> {
    let id = tx
        .scalar(
            Sql::new(
                "INSERT INTO construction_progress_reports (project_id, reported_on, overall, notes, reason, reported_by, created_at) VALUES (",
            )
            .bind(project)
            .push(", ")
            .bind(draft.reported_on)
            .push(", ")
            .bind(draft.overall)
            .push(", ")
            .bind(notes)
            .push(", ")
            .bind(draft.reason.trim())
            .push(", ")
            .bind(by)
            .push(", ")
            .bind(platform::time::now())
            .push(") RETURNING id"),
        )
        .await?;
    for it in &draft.items {
        tx.execute(
            Sql::new("INSERT INTO construction_progress_items (report_id, item, done) VALUES (")
                .bind(id)
                .push(", ")
                .bind(it.item)
                .push(", ")
                .bind(it.done)
                .push(")"),
        )
        .await?;
    }
    Ok(ReportId(id))
}

/// The project (id and name) of a report, if the project is in `scope`.
pub async fn project_of<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &platform::auth::Scope,
    report: ReportId,
) -> Result<Option<(ProjectId, String)>, DbError> {
    let q = Sql::new(
        "SELECT p.id, p.name FROM construction_progress_reports r \
         JOIN construction_projects p ON p.id = r.project_id WHERE r.id = ",
    )
    .bind(report);
    ex.into()
        .fetch_optional(scope.restrict(q, "p.institution_id"))
        .await
}
