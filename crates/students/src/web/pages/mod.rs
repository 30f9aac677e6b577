//! Student pages: the list, one record, the admission form, transfers and
//! the year-end promotion.

mod admit;
mod list;
mod promotion;
mod record;
mod suspend;
mod transfers;

use axum::routing::{get, post};
use axum::Router;
use platform::web::{directory, AppState, InstitutionChoice};
use platform::{AppError, InstitutionId};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/students", get(list::list).post(admit::admit))
        .route("/students/new", get(admit::new_form))
        .route("/students/promotion", get(promotion::show))
        .route("/students/promotion/run", post(promotion::run))
        .route("/students/promotion/window", post(promotion::set_window))
        .route("/students/promotion/runs/{id}/undo", post(promotion::undo))
        .route("/students/transfers", get(transfers::transfers))
        .route("/students/placement/{id}", post(transfers::place))
        .route(
            "/students/transfers/{id}/{decision}",
            post(transfers::decide),
        )
        .route("/students/{id}", get(record::detail))
        .route("/students/{id}/step", post(record::step))
        .route(
            "/students/{id}/suspend",
            get(suspend::form).post(suspend::submit),
        )
        .route("/students/{id}/transfer", post(record::transfer))
}

/// The notices of the student pages, after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "admitted" => "已办理入学。",
        "step" => "已办理。",
        "transfer" => "已提交转学申请，待转入学校确认。",
        "decided" => "已处理转学申请。",
        "placed" => "已分班。",
        "promotion_undone" => "已撤销该次年终升级，学生恢复为原学年、原年级在读。",
        "promotion_window" => "已保存升级时段。",
        _ => return None,
    })
}

/// The institution typed into a picker (its label, name or 学校标识码).
fn picked(all: &[InstitutionChoice], typed: &str) -> Result<InstitutionId, AppError> {
    let typed = typed.trim();
    directory::find(all, typed).ok_or_else(|| {
        AppError::invalid(
            "institution",
            format!("没有找到机构“{typed}”，请从列表中选择"),
        )
    })
}
