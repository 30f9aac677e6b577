//! A certificate to print (结业证书/认定证书) and a card's credit ledger
//! (学分银行账户).

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use maud::html;
use platform::auth::{Actor, Caller};
use platform::time::{show_date, show_minute};
use platform::web::{page, AppState};
use platform::PageResult;

use crate::domain::courses::credits::show_credits;
use crate::domain::courses::{CertificateId, CertificateLevel};
use crate::service::courses as service;

fn source_label(source: &str) -> &'static str {
    match source {
        "hours" => "学时转换",
        "certificate" => "证书认定",
        _ => "调整",
    }
}

pub async fn certificate(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<CertificateId>,
) -> PageResult {
    let c = service::certificate(&s.db, &caller, id).await?;
    let level = CertificateLevel::parse(&c.level)
        .map(|l| l.label())
        .unwrap_or("");
    let body = html! {
        article.certificate #certificate {
            @if c.kind == "recognised" {
                h1 { "学分银行证书认定" }
                p { "学习卡 " (c.card_no) " 持卡人 " strong { (c.holder) } " 所持《" (c.title) "》（" (c.issuer) "，" (level) "，证书编号 " (c.outside_number) "）已认定入账。" }
            } @else {
                h1 { "结业证书" }
                p { "学员 " strong #holder { (c.holder) } "（学习卡 " (c.card_no) "）参加" (c.institution_name.as_deref().unwrap_or("")) "举办的《" (c.title.trim_end_matches("结业证书")) "》课程学习，成绩合格，准予结业。" }
            }
            p { "证书编号：" span #number { (c.number) } }
            p { "发证日期：" (show_date(c.issued_on)) }
            p.no-print { button type="button" onclick="window.print()" { "打印" } }
        }
    };
    Ok(page(&actor, "证书", body).into_response())
}

pub async fn ledger(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(card): Path<i64>,
) -> PageResult {
    let l = service::ledger(&s.db, &caller, card).await?;
    let body = html! {
        h1 { "学分银行账户：" (l.card_no) " " (l.name) }
        p #balance { "累计学分 " strong { (show_credits(l.total_tenths)) } "，学习时长 " (l.total_minutes / 60) " 小时 " (l.total_minutes % 60) " 分钟" }
        table #ledger {
            thead { tr { th { "入账时间" } th { "来源" } th { "说明" } th.num { "分钟" } th.num { "学分" } } }
            tbody { @for b in &l.bookings { tr {
                td { (show_minute(b.booked_at)) } td { (source_label(&b.source)) } td { (b.note) }
                td.num { (b.minutes) } td.num { (show_credits(b.credits_tenths)) }
            } } }
        }
        h2 { "证书" }
        ul #certificates { @for c in &l.certificates { li {
            a href=(format!("/community/certificates/{}", c.id.0)) { (c.number) } " " (c.title) "（" (show_date(c.issued_on)) "）"
        } } }
    };
    Ok(page(&actor, "学分银行", body).into_response())
}
