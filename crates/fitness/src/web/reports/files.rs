//! A report's charts (PNG) and its table as .xlsx.

use axum::extract::{Path, Query, State};
use platform::auth::Caller;
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::{file_response, AppState};
use platform::{AppError, PageResult};

use super::view::pct;
use crate::domain::Item;
use crate::service::reports::{report, Report, Summary, Which};

fn percent(v: f64) -> String {
    format!("{v:.1}%")
}

/// Bars of `value` for the report's rows, or its own shares.
fn bars(rows: &[Summary], value: impl Fn(&Summary) -> Option<f64>) -> Vec<(String, f64)> {
    rows.iter()
        .filter_map(|s| Some((s.label.clone(), value(s)?)))
        .collect()
}

fn draw(r: &Report, kind: &str) -> Result<Vec<u8>, AppError> {
    let shares = |list: &[crate::service::reports::Share]| -> Vec<(String, f64)> {
        list.iter()
            .map(|s| (s.label.clone(), s.share.unwrap_or(0.0)))
            .collect()
    };
    let title = |what: &str| format!("{}{}", r.title, what);
    let png = match kind {
        "pass.png" => platform::chart::bar_png(
            &title("各单位体质健康合格率"),
            &bars(&r.rows, |s| s.pass_rate),
            percent,
        ),
        "bands.png" => {
            platform::chart::bar_png(&title("等级分布"), &shares(&r.whole.bands), percent)
        }
        "bmi.png" => platform::chart::bar_png(&title("BMI分类"), &shares(&r.whole.bmi), percent),
        "items.png" => platform::chart::bar_png(
            &title("各项目及格率"),
            &r.whole
                .items
                .iter()
                .filter_map(|i| Some((i.label.clone(), i.pass_rate?)))
                .collect::<Vec<_>>(),
            percent,
        ),
        "trend.png" => {
            let labels: Vec<String> = r
                .trend
                .iter()
                .map(|p| format!("{}学年", p.school_year))
                .collect();
            let series = vec![
                (
                    "合格率".to_string(),
                    r.trend.iter().map(|p| p.pass_rate).collect(),
                ),
                (
                    "优良率".to_string(),
                    r.trend.iter().map(|p| p.good_or_better_rate).collect(),
                ),
                (
                    "优秀率".to_string(),
                    r.trend.iter().map(|p| p.excellent_rate).collect(),
                ),
            ];
            platform::chart::line_png(&title("体质健康历年趋势"), &labels, &series, |v| {
                format!("{v:.1}")
            })
        }
        _ => return Err(AppError::NotFound),
    };
    png.map_err(AppError::Internal)
}

/// A chart of the report: `pass.png` (合格率 of each row), `bands.png`,
/// `bmi.png`, `items.png` (the unit's shares) or `trend.png` (the years).
pub async fn chart(
    State(state): State<AppState>,
    caller: Caller,
    Path(kind): Path<String>,
    Query(w): Query<Which>,
) -> PageResult {
    let r = report(&state.db, &caller, &w).await?;
    let bytes = draw(&r, &kind)?;
    Ok(file_response(
        &format!("{}_{kind}", r.title),
        "image/png",
        bytes,
    ))
}

/// The columns of the export: the unit and its rows.
fn columns() -> Vec<String> {
    let mut c: Vec<String> = [
        "单位",
        "测试人数",
        "优秀",
        "良好",
        "及格",
        "不及格",
        "合格率",
        "优良率",
        "优秀率",
    ]
    .map(String::from)
    .to_vec();
    c.extend(Item::ALL.iter().map(|i| format!("{}及格率", i.label())));
    c.extend(["BMI正常", "低体重", "超重", "肥胖"].map(String::from));
    c
}

fn cells(s: &Summary) -> Vec<Cell<'_>> {
    let mut c = vec![Cell::text(s.label.as_str()), Cell::Int(s.tested)];
    c.extend(s.bands.iter().map(|b| Cell::Int(b.count)));
    c.extend([s.pass_rate, s.good_or_better_rate, s.excellent_rate].map(|v| Cell::text(pct(v))));
    c.extend(Item::ALL.iter().map(|i| {
        let rate = s
            .items
            .iter()
            .find(|x| x.item == *i)
            .and_then(|x| x.pass_rate);
        Cell::text(pct(rate))
    }));
    c.extend(s.bmi.iter().map(|b| Cell::Int(b.count)));
    c
}

/// The report's table (its rows, then the unit as 合计) as .xlsx.
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(w): Query<Which>,
) -> PageResult {
    let r = report(&state.db, &caller, &w).await?;
    let title = Title::new(format!("体质健康报表：{}", r.title))
        .filter("学年", platform::vocab::SchoolYear(r.school_year).label());
    let columns = columns();
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut wb = Workbook::export(&title, &columns);
    let mut whole = r.whole.clone();
    whole.label = format!("合计（{}）", r.title);
    for s in r.rows.iter().chain([&whole]) {
        wb.row(&cells(s)).map_err(AppError::Internal)?;
    }
    let bytes = wb.finish().map_err(AppError::Internal)?;
    Ok(file_response(
        &format!("体质健康报表_{}_{}.xlsx", r.title, r.school_year),
        XLSX_MIME,
        bytes,
    ))
}
