//! The public pages (no account): an institution's page — the registry's
//! facts, 收费公示, the admission portal, its notices to parents — and the
//! bureau's catalogue (主动公开目录). Nothing personal is shown.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use institutions::domain::Category;
use maud::{html, Markup};
use platform::time::{show_date, show_minute};
use platform::web::{public_page, AppState};
use platform::PageResult;

use crate::domain::disclosure::show_yuan;
use crate::service::disclosure::{self as service, requests, COMPLAINT_PHONE};
use crate::store::disclosure::FeeItem;

fn grades_label(grades: &str) -> String {
    if grades.is_empty() {
        "全部年级".into()
    } else {
        grades
            .split(',')
            .filter_map(|g| g.parse().ok())
            .map(|g| platform::vocab::Grade(g).label())
            .collect::<Vec<_>>()
            .join("、")
    }
}

pub fn fee_table(fees: &[FeeItem]) -> Markup {
    html! {
        @if fees.is_empty() { p.muted #no-fees { "本学年暂无收费公示。" } } @else {
            table #fees {
                thead { tr { th { "收费项目" } th.num { "收费标准（元）" } th { "计费单位" } th { "适用年级" } th { "收费依据" } } }
                tbody { @for f in fees { tr {
                    td { (f.item) } td.num { (show_yuan(f.standard_fen)) } td { (f.unit) }
                    td { (grades_label(&f.grades)) } td { (f.basis) }
                } } }
            }
        }
    }
}

pub async fn institution(State(s): State<AppState>, Path(code): Path<String>) -> PageResult {
    let p = service::public_page(&s.db, &code).await?;
    let f = &p.facts;
    let body = html! {
        table.facts #facts { tbody {
            tr { th { "机构代码" } td { (f.code) } }
            tr { th { "地址" } td { (f.address) } }
            tr { th { "所在乡镇（街道）" } td { (f.township_name) } }
            tr { th { "类别" } td { (Category::of_school_type(&f.school_type).label()) } }
            tr { th { "办学性质" } td { (institutions::domain::Ownership::parse(&f.ownership).map_or("", |o| o.label())) } }
            tr { th { "联系电话" } td { (f.phone) } }
        } }
        h2 { "收费公示（" (p.school_year) "—" (p.school_year + 1) " 学年）" }
        (fee_table(&p.fees))
        p.muted { "收费投诉电话：" (COMPLAINT_PHONE) }
        h2 { "招生录取" }
        p { "招生报名与录取结果查询请访问 " a href="/apply" { "义务教育招生入学网上平台" } "（凭报名号和儿童身份证号查询）。" }
        h2 { "学校通知" }
        @if p.notices.is_empty() { p.muted #no-notices { "暂无通知。" } }
        @for n in &p.notices {
            article.notice {
                h3 { (n.title) }
                p.muted { (n.audience_label) " · " (show_minute(n.sent_at)) }
                @for line in n.body.lines() { p { (line) } }
            }
        }
        p.muted { a href="/open/bureau" { "教育局主动公开目录" } }
    };
    Ok(public_page(&format!("{} · 信息公开", f.name), body).into_response())
}

pub async fn bureau(State(s): State<AppState>) -> PageResult {
    let entries = requests::catalogue(&s.db).await?;
    let bureau = platform::district::district(&s.db)
        .await?
        .map(|d| d.bureau_name)
        .unwrap_or_else(|| s.shell.bureau_name.clone());
    let body = html! {
        p.muted #bureau { (bureau) " · 政府信息公开" }
        @if entries.is_empty() { p.muted { "暂无主动公开信息。" } } @else {
            table #catalogue {
                thead { tr { th { "类别" } th { "标题" } th { "公开日期" } } }
                tbody { @for e in &entries { tr {
                    td { (e.category) }
                    td { details { summary { (e.title) } @for line in e.body.lines() { p { (line) } } } }
                    td { (show_date(e.published_on)) }
                } } }
            }
        }
        p.muted { "依申请公开：请向教育局办公室提出书面申请，我局自收到申请之日起 20 个工作日内答复。" }
    };
    Ok(public_page("主动公开目录", body).into_response())
}
