//! 教师队伍: the area's start page for the caller's scope — key figures,
//! each leading to the list behind it, a chart of titles, and the way to
//! every part of the area.

use axum::extract::State;
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, Scope, WorkArea};
use platform::text_enum::TextEnum;
use platform::web::{page, AppState};
use platform::PageResult;

use crate::domain::TitleLevel;
use crate::store::staff_list::overview::{overview, Overview};

/// The parts of the area: (label, address, what it is for).
const PARTS: &[(&str, &str, &str)] = &[
    (
        "教职工名单",
        "/teachers/staff",
        "按单位、学段、学科、职称、编制、骨干层级查找和导出",
    ),
    (
        "信息审核",
        "/teachers/reviews",
        "学校报送的信息变更，人事科审核后生效",
    ),
    (
        "继续教育",
        "/teachers/training",
        "培训项目、学时登记和学分落实情况",
    ),
    ("名师工作室", "/teachers/teams", "工作室及其成员、活动"),
    (
        "职称评审",
        "/teachers/titles",
        "年度评审、申报、资格审查和结果",
    ),
    (
        "年度考核",
        "/teachers/assessments",
        "考核等次、优秀比例和师德一票否决",
    ),
    (
        "公开招聘",
        "/teachers/recruitment",
        "岗位、报名、笔试面试成绩和聘用",
    ),
    (
        "统计报表",
        "/teachers/reports",
        "生师比、年龄、职称、学历、学科结构",
    ),
];

/// A horizontal bar chart as inline SVG: readable printed in black and white.
fn bars(title: &str, rows: &[(String, i64, String)]) -> Markup {
    let max = rows.iter().map(|(_, v, _)| *v).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (120i64, 420i64, 24i64);
    let height = row_h * rows.len() as i64 + 30;
    let width = label_w + bar_w + 80;
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            width=(width) height=(height) viewBox=(format!("0 0 {width} {height}")) {
            title { (title) }
            text x="0" y="16" font-size="14" font-weight="bold" { (title) }
            @for (n, (label, value, href)) in rows.iter().enumerate() {
                @let y = 26 + row_h * n as i64;
                @let w = if *value > 0 { (value * bar_w / max).max(1) } else { 0 };
                a href=(href) {
                    text x=(label_w - 6) y=(y + 16) font-size="12" text-anchor="end" { (label) }
                    rect x=(label_w) y=(y + 4) width=(w) height=(row_h - 8) fill="#555" {}
                    text x=(label_w + w + 6) y=(y + 16) font-size="12" { (value) }
                }
            }
        }
    }
}

/// A table of counts by a code, each row leading to the list filtered by it.
fn breakdown<T: TextEnum>(
    id: &str,
    caption: &str,
    head: &str,
    param: &str,
    rows: &[(T, i64)],
) -> Markup {
    html! {
        table id=(id) {
            caption { (caption) }
            thead { tr { th { (head) } th { "人数" } } }
            tbody {
                @for (code, n) in rows {
                    tr { td { a href=(format!("/teachers/staff?{param}={}", code.as_str())) { (code.label()) } } td.num { (n) } }
                }
            }
        }
    }
}

fn figure(label: &str, value: i64, href: &str) -> Markup {
    html! { div.figure { a href=(href) { span.value { (value) } span.label { (label) } } } }
}

fn view(actor: &Actor, o: &Overview) -> Markup {
    let titles: Vec<(String, i64, String)> = o
        .by_title
        .iter()
        .map(|(t, n)| {
            (
                t.label().to_string(),
                *n,
                format!("/teachers/staff?full_time=yes&title_level={}", t.as_str()),
            )
        })
        .collect();
    let senior = o
        .by_title
        .iter()
        .find(|(t, _)| *t == TitleLevel::Senior)
        .map_or(0, |(_, n)| *n);
    html! {
        @if actor.scope != Scope::All { p.muted { "本页为本单位在岗人员（含支教、交流轮岗到本单位的教师）。" } }
        div.figures #teachers-figures {
            (figure("在职教职工", o.staff, "/teachers/staff"))
            (figure("专任教师", o.full_time, "/teachers/staff?full_time=yes"))
            (figure("高级职称专任教师", senior, "/teachers/staff?full_time=yes&title_level=senior"))
        }
        @if o.staff == 0 {
            p.empty { "暂无在职教职工记录。" }
        }
        div.columns {
            (breakdown("by-establishment", "按编制", "编制", "establishment", &o.by_establishment))
            (breakdown("by-backbone", "骨干教师（专任教师）", "层级", "backbone_level", &o.by_backbone))
        }
        (bars("专任教师职称等级", &titles))
        h2 { "业务模块" }
        ul.parts #teachers-parts {
            @for (label, href, what) in PARTS {
                li { a href=(href) { (label) } "　" span.muted { (what) } }
            }
        }
    }
}

pub async fn show(State(state): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    caller.require(WorkArea::Teachers, Access::Read)?;
    let o = overview(&state.db, &caller.scope).await?;
    let title = if actor.scope == Scope::All {
        "教师队伍"
    } else {
        "本单位教师队伍"
    };
    Ok(page(&actor, title, view(&actor, &o)).into_response())
}
