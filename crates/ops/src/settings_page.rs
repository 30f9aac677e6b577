//! 系统设置: the effective settings, for leadership only, secrets hidden.

use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Role};
use platform::web::page;
use platform::{AppError, PageResult};

use crate::config::{effective, Settings};

pub async fn settings_page(actor: Actor) -> PageResult {
    if actor.role() != Role::Leadership {
        return Err(AppError::Forbidden);
    }
    let from_file = effective();
    let settings = from_file.cloned().unwrap_or_else(Settings::default);
    let body = html! {
        @if from_file.is_none() {
            p.notice { "本服务器未指定配置文件，以下为默认设置。" }
        }
        p { "修改请编辑服务器上的配置文件（见运维文档），用 "
            code { "edubureau config check" } " 检查后重启服务。密码已隐去。" }
        table #settings {
            thead { tr { th { "设置项" } th { "当前值" } } }
            tbody {
                @for (key, value) in settings.shown() {
                    tr { td { code { (key) } } td { (value) } }
                }
            }
        }
    };
    Ok(page(&actor, "系统设置", body).into_response())
}
