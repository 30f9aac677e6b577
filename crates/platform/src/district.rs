//! The district the bureau serves and its townships/streets (乡镇/街道).

use serde::Serialize;

use crate::db::{Db, DbError, Sql, Tx};
use crate::ids::TownshipId;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct District {
    pub division_code: String,
    pub name: String,
    pub bureau_name: String,
}

/// 乡镇/街道 of the district.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Township {
    #[schema(value_type = i64)]
    pub id: TownshipId,
    /// 9-digit GB/T 2260-style code.
    pub code: String,
    pub name: String,
    /// street (街道), town (镇) or township (乡).
    pub kind: String,
    /// urban (城区), town (镇区) or rural (乡村).
    pub urban_rural: String,
}

impl Township {
    pub fn urban_rural_label(&self) -> &'static str {
        match self.urban_rural.as_str() {
            "urban" => "城区",
            "town" => "镇区",
            _ => "乡村",
        }
    }
}

pub async fn district(db: &Db) -> Result<Option<District>, DbError> {
    db.fetch_optional(Sql::new(
        "SELECT division_code, name, bureau_name FROM district ORDER BY id LIMIT 1",
    ))
    .await
}

pub async fn townships(db: &Db) -> Result<Vec<Township>, DbError> {
    db.fetch_all(Sql::new(
        "SELECT id, code, name, kind, urban_rural FROM townships ORDER BY code",
    ))
    .await
}

pub async fn create_district(tx: &mut Tx, d: &District) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO district (division_code, name, bureau_name) VALUES ($1, $2, $3)")
            .arg(d.division_code.as_str())
            .arg(d.name.as_str())
            .arg(d.bureau_name.as_str()),
    )
    .await?;
    Ok(())
}

pub async fn create_township(
    tx: &mut Tx,
    code: &str,
    name: &str,
    kind: &str,
    urban_rural: &str,
) -> Result<TownshipId, DbError> {
    let id = tx
        .scalar(
            Sql::new("INSERT INTO townships (code, name, kind, urban_rural) VALUES ($1, $2, $3, $4) RETURNING id")
                .arg(code)
                .arg(name)
                .arg(kind)
                .arg(urban_rural),
        )
        .await?;
    Ok(TownshipId(id))
}
