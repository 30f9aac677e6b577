//! The pages: the start page, a report and a report card, each a function
//! of its model.

use maud::{html, Markup, PreEscaped};
use platform::vocab::SchoolYear;

use crate::domain::reports::Band;
use crate::service::reports::card::{Card, CardYear};
use crate::service::reports::{Report, Summary};

/// A rate as printed: "90.0%", "—" when there is none.
pub fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.1}%"))
}

/// A change in percentage points: "+1.2个百分点".
fn points(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:+.1}个百分点"))
}

fn href(path: &str, query: &str) -> String {
    format!("{path}?{query}")
}

fn glance(s: &Summary) -> Markup {
    html! {
        dl.facts id="fitness-glance" {
            dt { "测试人数" } dd { (s.tested) }
            dt { "合格率" } dd id="pass-rate" { (pct(s.pass_rate)) }
            dt { "优良率" } dd { (pct(s.good_or_better_rate)) }
            dt { "优秀率" } dd id="excellent-rate" { (pct(s.excellent_rate)) }
            @for b in &s.bands {
                dt { (b.label) } dd { (b.count) "人（" (pct(b.share)) "）" }
            }
        }
    }
}

/// The start page: the latest year of the caller's district or school.
pub fn start(r: &Report, (pupils, schools): (i64, i64), scoped: bool) -> Markup {
    let query = |year: i64| format!("year={year}");
    html! {
        p { (SchoolYear(r.school_year).label()) "，" (r.title) }
        (glance(&r.whole))
        div.actions {
            a.button href=(href("/fitness/reports", &query(r.school_year))) {
                @if scoped { "按班级查看报表" } @else { "按乡镇、学校、班级查看报表" }
            }
            " "
            a.button.secondary href=(href("/fitness/reports/report.xlsx", &query(r.school_year))) { "导出 Excel" }
        }
        section id="untested" {
            h2 { "本学年尚未测试" }
            @if scoped {
                p { "本校尚有 " strong { (pupils) } " 名 1～12 年级学生本学年尚未进行体质健康测试。" }
            } @else {
                p { strong { (schools) } " 所学校共 " strong { (pupils) } " 名学生本学年尚未进行体质健康测试。" }
            }
        }
        img.chart src=(href("/fitness/reports/chart/bands.png", &query(r.school_year))) alt="等级分布";
        img.chart src=(href("/fitness/reports/chart/trend.png", &query(r.school_year))) alt="历年趋势";
    }
}

fn rows_table(r: &Report) -> Markup {
    html! {
        table id="fitness-rows" {
            thead { tr {
                th { "单位" } th { "测试人数" }
                @for b in Band::ALL { th { (b.label()) } }
                th { "合格率" } th { "优秀率" }
            } }
            tbody {
                @for s in &r.rows {
                    tr {
                        td { @if let Some(q) = &s.query { a href=(href("/fitness/reports", q)) { (s.label) } } @else { (s.label) } }
                        td.num { (s.tested) }
                        @for b in &s.bands { td.num { (b.count) } }
                        td.num { (pct(s.pass_rate)) }
                        td.num { (pct(s.excellent_rate)) }
                    }
                }
            }
        }
    }
}

fn details(s: &Summary) -> Markup {
    html! {
        h2 { "各项目及格率（得分 ≥ 60）" }
        table id="fitness-items" {
            thead { tr { th { "项目" } th { "测试人数" } th { "及格人数" } th { "及格率" } } }
            tbody { @for i in &s.items { tr { td { (i.label) } td.num { (i.scored) } td.num { (i.passed) } td.num { (pct(i.pass_rate)) } } } }
        }
        h2 { "BMI 分类" }
        table id="fitness-bmi" {
            thead { tr { th { "分类" } th { "人数" } th { "占比" } } }
            tbody { @for b in &s.bmi { tr { td { (b.label) } td.num { (b.count) } td.num { (pct(b.share)) } } } }
        }
    }
}

/// A report: the unit, its rows to drill into, items, BMI, trend, pupils.
pub fn report(r: &Report) -> Markup {
    let q = |year: i64| {
        r.crumbs.last().map_or_else(
            || format!("year={year}"),
            |c| {
                c.query.replacen(
                    &format!("year={}", r.school_year),
                    &format!("year={year}"),
                    1,
                )
            },
        )
    };
    let here = q(r.school_year);
    html! {
        nav.tabs {
            @for c in &r.crumbs { a href=(href("/fitness/reports", &c.query)) { (c.label) } " › " }
            @for y in &r.years {
                @if *y == r.school_year { strong { (SchoolYear(*y).label()) } } @else { a href=(href("/fitness/reports", &q(*y))) { (SchoolYear(*y).label()) } }
                " "
            }
        }
        (glance(&r.whole))
        div.actions { a.button.secondary href=(href("/fitness/reports/report.xlsx", &here)) { "导出 Excel" } }
        @if !r.rows.is_empty() {
            (rows_table(r))
            img.chart src=(href("/fitness/reports/chart/pass.png", &here)) alt="合格率";
        }
        (details(&r.whole))
        img.chart src=(href("/fitness/reports/chart/bmi.png", &here)) alt="BMI 分类";
        h2 { "历年趋势" }
        table id="fitness-trend" {
            thead { tr { th { "学年" } th { "测试人数" } th { "合格率" } th { "比上年" } th { "优秀率" } th { "比上年" } } }
            tbody { @for p in &r.trend { tr {
                td { (SchoolYear(p.school_year).label()) } td.num { (p.tested) }
                td.num { (pct(p.pass_rate)) } td.num { (points(p.pass_change)) }
                td.num { (pct(p.excellent_rate)) } td.num { (points(p.excellent_change)) }
            } } }
        }
        img.chart src=(href("/fitness/reports/chart/trend.png", &here)) alt="历年趋势";
        @if r.level == "class" {
            h2 { "学生" }
            table id="fitness-pupils" {
                thead { tr { th { "姓名" } th { "性别" } th { "学年总分" } th { "等级" } } }
                tbody { @for p in &r.pupils { tr {
                    td { a href=(format!("/fitness/students/{}/card", p.student_id)) { (p.name) } }
                    td { (if p.sex == "female" { "女" } else { "男" }) }
                    td.num { (crate::domain::Tenths(p.total).to_string()) }
                    td { (Band::parse(&p.level).map_or("", Band::label)) }
                } } }
            }
        }
    }
}

const PRINT: &str = "@media print { main h1 { font-size: 18pt; } .card-sheet table { page-break-inside: avoid; font-size: 10pt; } .card-sheet { margin: 0; } .actions { display: none; } }";

fn year_table(y: &CardYear) -> Markup {
    html! {
        table id="card-items" {
            thead { tr { th { "项目" } th { "成绩" } th { "得分" } th { "评定" } } }
            tbody {
                @for i in &y.items { tr {
                    td { (i.label) } td { (i.result.as_deref().unwrap_or("—")) }
                    td.num { (i.score.map_or("—".into(), |s| s.to_string())) } td { (i.rating.as_deref().unwrap_or("—")) }
                } }
                tr { td { "标准分" } td {} td.num { (y.standard_total.as_deref().unwrap_or("—")) } td {} }
                tr { td { "附加分" } td {} td.num { (y.bonus.map_or("—".into(), |b| b.to_string())) } td {} }
                tr { th { "学年总分" } td {} td.num id="card-total" { (y.total.as_deref().unwrap_or("—")) } td id="card-band" { (y.band.as_deref().unwrap_or("—")) } }
            }
        }
    }
}

/// The printable report card.
pub fn card(c: &Card) -> Markup {
    let y = &c.latest;
    html! {
        style { (PreEscaped(PRINT)) }
        div.actions { button type="button" onclick="window.print()" { "打印" } }
        section.card-sheet {
            dl.facts {
                dt { "姓名" } dd id="card-name" { (c.name) }
                dt { "性别" } dd { (c.sex) }
                dt { "学校" } dd { (y.institution) }
                dt { "年级班级" } dd { (y.class) }
                dt { "学年" } dd { (y.year_label) }
                dt { "身高 / 体重" } dd { (y.height.as_deref().unwrap_or("—")) " / " (y.weight.as_deref().unwrap_or("—")) }
            }
            @if y.exempt { p.notice { "本学年免测。" } } @else { (year_table(y)) }
            @if let Some(g) = &c.graduation {
                p { "毕业成绩（毕业当年学年总分 × 50% + 其他学年平均 × 50%）：" strong id="card-graduation" { (g) } }
            }
            h2 { "历年成绩" }
            table id="card-years" {
                thead { tr { th { "项目" } @for y in &c.years { th { (y.year_label) br; (y.grade_label) } } } }
                tbody {
                    @for item in crate::domain::Item::ALL {
                        @if c.years.iter().any(|y| y.items.iter().any(|i| i.item == *item)) {
                            tr { td { (item.label()) } @for y in &c.years {
                                td.num { (y.items.iter().find(|i| i.item == *item).and_then(|i| i.score).map_or("—".into(), |s| s.to_string())) }
                            } }
                        }
                    }
                    tr { th { "学年总分" } @for y in &c.years { td.num { (y.total.as_deref().unwrap_or("—")) } } }
                    tr { th { "等级" } @for y in &c.years { td { (y.band.as_deref().unwrap_or("—")) } } }
                }
            }
        }
    }
}
