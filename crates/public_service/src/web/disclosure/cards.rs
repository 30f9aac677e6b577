//! /public/disclosure/cards: the fee cards (明白交费卡) of an institution's
//! pupils, one printable page (a grade or class if asked). Staff only: the
//! cards name pupils, and the view is audited.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::vocab::Grade;
use platform::web::{page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::disclosure::show_yuan;
use crate::service::disclosure::{self as service, COMPLAINT_PHONE};

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct CardsQuery {
    /// The institution (a school's account: its own).
    pub institution_id: Option<i64>,
    pub grade: Option<i64>,
    pub class_name: Option<String>,
}

impl CardsQuery {
    pub fn institution(&self, caller: &Caller) -> Result<i64, AppError> {
        self.institution_id
            .or(caller.scope.institution().map(|i| i.0))
            .ok_or_else(|| AppError::invalid("institution_id", "请选择机构"))
    }
}

pub async fn cards(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<CardsQuery>,
) -> PageResult {
    let institution = q.institution(&caller)?;
    let class = q
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let (name, cards) = service::cards(&s.db, &caller, institution, q.grade, class).await?;
    let body = html! {
        p.no-print { a href="/public/disclosure" { "← 信息公开" } " · 共 " (cards.len()) " 张，请使用浏览器打印" }
        @for c in &cards {
            section.fee-card {
                h2 { (name) " 明白交费卡" }
                p { "学生：" (c.pupil) " · " (Grade(c.grade).label()) (c.class_name) }
                table {
                    thead { tr { th { "收费项目" } th.num { "标准（元）" } th { "单位" } th { "依据" } } }
                    tbody { @for l in &c.lines { tr {
                        td { (l.item) } td.num { (show_yuan(l.standard_fen)) } td { (l.unit) } td { (l.basis) }
                    } } }
                    tfoot { tr { th { "合计" } th.num.total { (show_yuan(c.total_fen)) } th {} th {} } }
                }
                p.muted { "如有乱收费行为，请拨打投诉电话 " (COMPLAINT_PHONE) }
            }
        }
    };
    Ok(page(&actor, "明白交费卡", body).into_response())
}
