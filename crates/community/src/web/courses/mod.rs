//! Pages, JSON API and files of courses (课程), the teachers' pool (师资库),
//! sessions (班次) with places and a timetable, desk enrolment, attendance
//! (考勤), the credit bank (学分银行) and certificates (结业证书).

mod api;
mod files;
mod pages;
mod print;
mod session;

use axum::routing::{get, post, put};
use axum::Router;
use platform::auth::{Access, Caller, WorkArea};
use platform::web::AppState;

/// The sentences shown after a redirect.
fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "course" => "已添加课程。",
        "teacher" => "已加入师资库。",
        "session" => "已开设班次并生成课表。",
        "enrolled" => "已报名。",
        "marked" => "已登记考勤。",
        "meeting" => "已调整课表。",
        "converted" => "已将学时转换为学分。",
        "certified" => "已颁发结业证书。",
        _ => return None,
    })
}

fn may_write(caller: &Caller) -> bool {
    caller.role.may(WorkArea::Lifelong, Access::Write)
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/community/courses",
            get(pages::overview).post(pages::add_course),
        )
        .route("/community/teachers", post(pages::add_teacher))
        .route("/community/sessions", post(pages::add_session))
        .route("/community/sessions/{id}", get(session::show))
        .route("/community/sessions/{id}/enrol", post(session::enrol))
        .route(
            "/community/sessions/{id}/meetings",
            post(session::add_meeting),
        )
        .route("/community/sessions/{id}/credits", post(session::convert))
        .route(
            "/community/sessions/{id}/certificates",
            post(session::certify),
        )
        .route("/community/sessions/{id}/roll.xlsx", get(files::roll_xlsx))
        .route("/community/meetings/{id}/attendance", post(session::mark))
        .route("/community/meetings/{id}/roll", post(session::tick))
        .route("/community/certificates/{id}", get(print::certificate))
        .route("/community/ledger/{card_id}", get(print::ledger))
        .route(
            "/api/v1/community/courses",
            get(api::courses).post(api::create_course),
        )
        .route(
            "/api/v1/community/teachers",
            get(api::teachers).post(api::create_teacher),
        )
        .route(
            "/api/v1/community/sessions",
            get(api::sessions).post(api::create_session),
        )
        .route("/api/v1/community/sessions/{id}", get(api::session))
        .route(
            "/api/v1/community/sessions/{id}/meetings",
            post(api::add_meeting),
        )
        .route(
            "/api/v1/community/sessions/{id}/enrolments",
            post(api::enrol),
        )
        .route("/api/v1/community/sessions/{id}/roll", get(api::roll))
        .route(
            "/api/v1/community/sessions/{id}/credits",
            post(api::convert),
        )
        .route(
            "/api/v1/community/sessions/{id}/certificates",
            post(api::certify),
        )
        .route("/api/v1/community/meetings/{id}", put(api::edit_meeting))
        .route(
            "/api/v1/community/meetings/{id}/attendance",
            post(api::mark),
        )
        .route("/api/v1/community/ledger/{card_id}", get(api::ledger))
        .route(
            "/api/v1/community/ledger/{card_id}/recognitions",
            post(api::recognise),
        )
        .route(
            "/api/v1/community/ledger/{card_id}/adjustments",
            post(api::adjust),
        )
        .route("/api/v1/community/certificates/{id}", get(api::certificate))
        .route(
            "/api/v1/community/credit-rules",
            get(api::credit_rules).put(api::set_credit_rules),
        )
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}
