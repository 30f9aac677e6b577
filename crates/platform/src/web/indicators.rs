//! The indicator catalogue (指标目录): every figure the areas publish, with
//! its definition, and its values for the district, by township or by
//! institution, as a page and as JSON.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use maud::html;
use serde::{Deserialize, Serialize};

use crate::area::{Area, Breakdown, Indicator, IndicatorQuery, IndicatorValue};
use crate::auth::Actor;
use crate::error::{ApiResult, AppError, PageResult};
use crate::web::{page, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/indicators", get(catalogue_page))
        .route("/indicators/{key}", get(values_page))
        .route("/api/v1/indicators", get(catalogue_api))
        .route("/api/v1/indicators/{key}", get(values_api))
}

/// One entry of the catalogue.
#[derive(Serialize, utoipa::ToSchema)]
pub struct IndicatorInfo {
    pub key: &'static str,
    pub area: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub definition: &'static str,
}

fn info(area: &Area, i: &Indicator) -> IndicatorInfo {
    IndicatorInfo {
        key: i.key,
        area: area.name,
        name: i.name,
        unit: i.unit,
        definition: i.definition,
    }
}

/// What the values are asked for: `?by=township&on=2026-09-01&from=…`.
#[derive(Deserialize, Default)]
pub struct ValuesParams {
    pub by: Option<Breakdown>,
    pub on: Option<NaiveDate>,
    pub from: Option<NaiveDate>,
}

async fn values(
    state: &AppState,
    actor: &Actor,
    key: &str,
    p: &ValuesParams,
) -> Result<(IndicatorInfo, IndicatorQuery, Vec<IndicatorValue>), AppError> {
    let (area, indicator) = state.areas.indicator(key).ok_or(AppError::NotFound)?;
    let q = IndicatorQuery {
        from: p.from,
        on: p.on.unwrap_or_else(crate::time::today),
        by: p.by.unwrap_or(Breakdown::District),
        scope: actor.scope,
    };
    let values = indicator.compute(&state.db, &q).await?;
    Ok((info(area, indicator), q, values))
}

async fn catalogue_page(State(state): State<AppState>, actor: Actor) -> PageResult {
    let body = html! {
        p.muted { "各业务领域发布的统计指标。数据报表、领导驾驶舱和工作总结只读取这里的指标。" }
        table {
            thead { tr { th { "指标" } th { "单位" } th { "业务领域" } th { "口径" } } }
            tbody {
                @for a in state.areas.iter() {
                    @for i in a.indicators {
                        tr {
                            td { a href=(format!("/indicators/{}", i.key)) { (i.name) } }
                            td { (i.unit) } td { (a.name) } td { (i.definition) }
                        }
                    }
                }
            }
        }
    };
    Ok(page(&actor, "指标目录", body).into_response())
}

async fn values_page(
    State(state): State<AppState>,
    actor: Actor,
    Path(key): Path<String>,
    Query(p): Query<ValuesParams>,
) -> PageResult {
    let (info, q, values) = values(&state, &actor, &key, &p).await?;
    let body = html! {
        p { (info.definition) }
        form.filters method="get" {
            label { "口径日期" input type="date" name="on" value=(q.on); }
            label { "分组" select name="by" {
                @for b in [Breakdown::District, Breakdown::Township, Breakdown::Institution] {
                    option value=(serde_json::to_value(b).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default())
                        selected[b == q.by] { (b.label()) }
                }
            } }
            button type="submit" { "查询" }
        }
        table #values {
            thead { tr { th { (q.by.label()) } th.num { (info.name) "（" (info.unit) "）" } } }
            tbody {
                @for v in &values { tr { td { (v.label) } td.num { (show(v.value)) } } }
            }
        }
        @if values.is_empty() { p.muted { "没有符合条件的数据。" } }
    };
    Ok(page(&actor, info.name, body).into_response())
}

/// A figure as people write it: whole numbers without decimals, others
/// with two.
pub fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// Every indicator the areas publish.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "指标",
    responses((status = 200, body = [IndicatorInfo])))]
pub async fn catalogue_api(
    State(state): State<AppState>,
    _actor: Actor,
) -> Json<Vec<IndicatorInfo>> {
    Json(
        state
            .areas
            .iter()
            .flat_map(|a| a.indicators.iter().map(move |i| info(a, i)))
            .collect(),
    )
}

/// An indicator's values, for what the caller may see.
#[utoipa::path(get, path = "/api/v1/indicators/{key}", tag = "指标",
    params(("key" = String, Path), ("by" = Option<Breakdown>, Query), ("on" = Option<String>, Query), ("from" = Option<String>, Query)),
    responses((status = 200, body = [IndicatorValue]), (status = 404, body = crate::error::ErrorBody)))]
pub async fn values_api(
    State(state): State<AppState>,
    actor: Actor,
    Path(key): Path<String>,
    Query(p): Query<ValuesParams>,
) -> ApiResult<Json<Vec<IndicatorValue>>> {
    Ok(Json(values(&state, &actor, &key, &p).await?.2))
}

#[cfg(test)]
mod tests {
    #[test]
    fn figures_are_written_plainly() {
        assert_eq!(super::show(137.0), "137");
        assert_eq!(super::show(98.456), "98.46");
        assert_eq!(super::show(-2.5), "-2.50");
    }
}
