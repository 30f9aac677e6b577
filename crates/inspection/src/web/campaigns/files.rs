//! The .xlsx of a campaign's results and its 通报 as .docx.

use axum::extract::{Path, State};
use platform::auth::Caller;
use platform::excel::XLSX_MIME;
use platform::web::reports::file_response;
use platform::web::AppState;
use platform::PageResult;

use crate::domain::CampaignId;
use crate::service::campaigns::{self as service};

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub async fn xlsx(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> PageResult {
    let r = service::results(&s.db, &caller, id).await?;
    let bytes = service::results_xlsx(&r)?;
    Ok(file_response(
        &format!("{}结果.xlsx", r.campaign.title),
        XLSX_MIME,
        bytes,
    ))
}

pub async fn docx(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CampaignId>,
) -> PageResult {
    let r = service::results(&s.db, &caller, id).await?;
    let bytes = service::notice_docx(&r)?;
    Ok(file_response(
        &format!("{}通报.docx", r.campaign.title),
        DOCX_MIME,
        bytes,
    ))
}
