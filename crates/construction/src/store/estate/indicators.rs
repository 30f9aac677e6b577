//! The estate's figures for the area's indicators (see `crate::area`):
//! each computes, for the caller's scope, by district, township or
//! institution, through the registry's one breakdown query.
//!
//! - [`floor_area`]: 校舍建筑面积 (m²), every building of the institution;
//!   生均校舍面积 is this divided by the institution's pupils.
//! - [`dangerous_area`]: 危房面积 (m²), the D级 buildings.
//! - [`equipment_value`]: 教学装备资产总值 (元), the register's value.

use platform::area::{IndicatorQuery, IndicatorValue};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

fn all() -> Sql {
    Sql::new("i.status = 'active'")
}

/// Total floor area of the buildings per institution (township, district).
pub async fn floor_area(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    institutions::indicators::grouped(
        db,
        q,
        "SUM(b.floor_area)",
        "construction_buildings b JOIN institutions i ON i.id = b.institution_id",
        all(),
    )
    .await
}

/// Floor area of the D级 (危房) buildings.
pub async fn dangerous_area(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    institutions::indicators::grouped(
        db,
        q,
        "SUM(b.floor_area)",
        "construction_buildings b JOIN institutions i ON i.id = b.institution_id",
        Sql::new("b.grade = 'D'"),
    )
    .await
}

/// Value in 元 of the equipment and asset register.
pub async fn equipment_value(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    institutions::indicators::grouped(
        db,
        q,
        "SUM(a.value)",
        "construction_assets a JOIN institutions i ON i.id = a.institution_id",
        all(),
    )
    .await
}

/// (institution id, total floor area) of every institution in `scope` that
/// has buildings: the numerator of 生均校舍面积.
pub async fn floor_area_by_institution(db: &Db, scope: &Scope) -> Result<Vec<(i64, i64)>, DbError> {
    let q = scope.restrict(
        Sql::new(
            "SELECT b.institution_id, CAST(SUM(b.floor_area) AS BIGINT) FROM construction_buildings b WHERE 1=1",
        ),
        "b.institution_id",
    );
    db.fetch_all(q.push(" GROUP BY b.institution_id ORDER BY b.institution_id"))
        .await
}
