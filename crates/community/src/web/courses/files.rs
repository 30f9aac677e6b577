//! The .xlsx of a session's roll with attendance.

use axum::extract::{Path, State};
use platform::auth::Caller;
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::reports::file_response;
use platform::web::AppState;
use platform::{AppError, PageResult};

use crate::domain::courses::credits::show_credits;
use crate::domain::courses::SessionId;
use crate::service::courses::{self as service, Roll};

const COLUMNS: [&str; 6] = [
    "学习卡号",
    "姓名",
    "出勤次数",
    "课次",
    "学习时长（分钟）",
    "可转换学分",
];

fn roll_book(r: &Roll) -> Result<Vec<u8>, AppError> {
    let s = &r.session.session;
    let title = Title::new(format!("{}花名册", s.title))
        .filter("学校", s.institution_name.as_str())
        .filter("课程", s.course_title.as_str());
    let mut wb = Workbook::export(&title, &COLUMNS);
    for l in &r.lines {
        wb.row(&[
            Cell::id(l.card_no.as_str()),
            Cell::text(l.name.as_str()),
            Cell::Int(l.attended),
            Cell::Int(s.meetings),
            Cell::Int(l.minutes),
            Cell::text(show_credits(r.rules.credits_tenths(l.minutes))),
        ])
        .map_err(AppError::Internal)?;
    }
    wb.finish().map_err(AppError::Internal)
}

pub async fn roll_xlsx(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> PageResult {
    let r = service::roll(&s.db, &caller, id, None).await?;
    let bytes = roll_book(&r)?;
    Ok(file_response(
        &format!("{}花名册.xlsx", r.session.session.title),
        XLSX_MIME,
        bytes,
    ))
}
