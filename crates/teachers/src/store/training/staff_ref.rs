//! Staff as the training and teams parts refer to them: found by id, name
//! or national ID within the caller's scope.

use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql};
use serde::Serialize;

use crate::domain::BackboneLevel;

/// A member of staff as a picker or a list shows them.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct StaffRef {
    pub id: i64,
    pub name: String,
    #[serde(skip)]
    pub national_id: String,
    pub institution_id: i64,
    pub institution_name: String,
    pub full_time: bool,
    pub backbone_level: Option<BackboneLevel>,
    pub backbone_to: Option<chrono::NaiveDate>,
}

const STAFF: &str = "SELECT s.id, s.name, s.national_id, s.institution_id, \
     i.name AS institution_name, s.full_time, s.backbone_level, s.backbone_to \
     FROM teachers_staff s JOIN institutions i ON i.id = s.institution_id \
     WHERE s.status = 'active'";

/// An active member of staff of an institution in `scope`.
pub async fn in_scope<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: i64,
) -> Result<Option<StaffRef>, DbError> {
    let q = scope.restrict(
        Sql::new(STAFF).push(" AND s.id = ").bind(id),
        "s.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// Staff in `scope` whose name contains `text` or whose national ID is
/// `text`, at most `limit`.
pub async fn search(
    db: &Db,
    scope: &Scope,
    text: &str,
    limit: i64,
) -> Result<Vec<StaffRef>, DbError> {
    let text = text.trim();
    let q = scope.restrict(Sql::new(STAFF), "s.institution_id");
    let q = if text.len() == 18 && text.is_ascii() {
        q.push(" AND s.national_id = ").bind(text.to_uppercase())
    } else {
        q.and_any_contains(&["s.name"], text)
    };
    let q = q.push(" ORDER BY s.name, s.id LIMIT ").bind(limit);
    db.fetch_all(q).await
}

/// Active staff in `scope` with one of the national IDs.
pub async fn by_national_ids(
    db: &Db,
    scope: &Scope,
    ids: &[&str],
) -> Result<Vec<StaffRef>, DbError> {
    let mut found = Vec::new();
    for chunk in ids.chunks(500) {
        let q = scope
            .restrict(Sql::new(STAFF), "s.institution_id")
            .push(" AND s.national_id IN (")
            .bind_list(chunk.iter().copied())
            .push(")");
        found.extend(db.fetch_all::<StaffRef>(q).await?);
    }
    Ok(found)
}
