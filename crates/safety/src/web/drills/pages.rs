//! /safety/drills: a year's compliance by township and institution (who is
//! short and by how many), the year's drill log and the form to log one.

use axum::extract::{Multipart, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::Datelike;
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::time::show_date;
use platform::web::forms::{field_error, options, redisplay, refusal_view, select, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::notices;
use crate::domain::drills::{DrillInput, EmergencyType, REQUIRED_DRILLS};
use crate::service::drills::{self as service, Compliance, ComplianceQuery};
use crate::service::hazards::may_write;
use crate::store::drills::Drill;
use crate::store::hazards::institution_choices;
use crate::web::hazards::multipart::{read, FormWithFiles};

const TITLE: &str = "应急演练";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DrillsQuery {
    year: String,
    township_id: String,
    short: String,
}

impl DrillsQuery {
    fn query(&self) -> ComplianceQuery {
        ComplianceQuery {
            year: self.year.trim().parse().ok(),
            township_id: self.township_id.trim().parse().ok(),
            short: Some(self.short == "true"),
        }
    }
}

fn rate(r: Option<f64>) -> String {
    r.map_or("—".into(), |p| format!("{p:.1}%"))
}

struct Data {
    compliance: Compliance,
    drills: Vec<Drill>,
    schools: Vec<(String, String)>,
    towns: Vec<(String, String)>,
}

async fn load(s: &AppState, caller: &Caller, q: &DrillsQuery) -> Result<Data, platform::AppError> {
    let compliance = service::compliance(&s.db, caller, &q.query()).await?;
    let drills = service::drills(&s.db, caller, compliance.year, None).await?;
    let towns = platform::district::townships(&s.db).await?;
    Ok(Data {
        drills,
        schools: options(institution_choices(&s.db, &caller.scope).await?),
        towns: options(towns.iter().map(|t| (t.id.0, t.name.as_str()))),
        compliance,
    })
}

fn compliance_view(q: &DrillsQuery, d: &Data, bureau: bool) -> Markup {
    let c = &d.compliance;
    html! {
        form.filters #drill-filters method="get" action="/safety/drills" {
            label { "年度" input name="year" type="number" value=(c.year) min="2000" max="2100"; }
            @if bureau { label { "乡镇（街道）" (select("township_id", &d.towns, &q.township_id, Some("全部"))) } }
            label { input type="checkbox" name="short" value="true" checked[q.short == "true"]; "仅未达标" }
            button type="submit" { "查看" }
        }
        p #drill-summary {
            (c.year) " 年演练达标率 " strong { (rate(c.rate)) } "：达标 " (c.compliant) " 所，共 " (c.institutions)
            " 所（每所学校每年至少 " (REQUIRED_DRILLS) " 次应急演练）"
        }
        @if bureau {
            table #compliance-by-township {
                thead { tr { th { "乡镇（街道）" } th.num { "学校数" } th.num { "达标" } th.num { "未达标" } th.num { "达标率" } } }
                tbody { @for t in &c.townships { tr {
                    td { a href=(format!("/safety/drills?year={}&township_id={}&short=true", c.year, t.township_id)) { (t.township_name) } }
                    td.num { (t.institutions) } td.num { (t.compliant) } td.num { (t.institutions - t.compliant) }
                    td.num { (rate(t.rate)) }
                } } }
            }
        }
        table #compliance {
            thead { tr { th { "学校" } th { "乡镇（街道）" } th.num { "演练次数" } th.num { "尚差" } } }
            tbody { @for r in &c.rows { tr class=(if r.short > 0 { "short" } else { "" }) {
                td { (r.count.institution_name) } td { (r.count.township_name) }
                td.num { (r.count.drills) } td.num { @if r.short > 0 { strong { (r.short) } } @else { "—" } }
            } } }
        }
    }
}

fn log_view(drills: &[Drill]) -> Markup {
    html! {
        h2 { "演练记录" }
        @if drills.is_empty() { p.muted #no-drills { "本年度尚无演练记录。" } } @else {
            table #drills {
                thead { tr { th { "日期" } th { "学校" } th { "类型" } th.num { "参加人数" } th.num { "时长（分钟）" } th { "评估" } } }
                tbody { @for d in drills { tr {
                    td { (show_date(d.drilled_on)) } td { (d.institution_name) } td { (d.drill_type.label()) }
                    td.num { (d.participants) } td.num { (d.duration_minutes) } td { (d.evaluation) }
                } } }
            }
        }
    }
}

fn form(
    actor: &Actor,
    bureau: bool,
    schools: &[(String, String)],
    typed: &FormWithFiles,
    r: &Refusal,
) -> Markup {
    let e = &r.errors;
    let types = options(EmergencyType::ALL.iter().map(|t| (t.as_str(), t.label())));
    let input = |name: &'static str, label: &str, kind: &str| {
        html! { label for=(name) { (label) } input id=(name) name=(name) type=(kind) value=(typed.get(name)); (field_error(e, name)) }
    };
    html! {
        h2 #log { "登记演练" }
        (refusal_view(r))
        form.stacked #drill-form method="post" enctype="multipart/form-data"
            action=(format!("/safety/drills?_csrf={}", actor.csrf_token)) {
            @if bureau {
                label for="institution_id" { "学校" }
                (select("institution_id", schools, &typed.get("institution_id"), Some("请选择"))) (field_error(e, "institution_id"))
            }
            (input("drilled_on", "演练日期", "date"))
            label for="drill_type" { "演练类型" }
            (select("drill_type", &types, &typed.get("drill_type"), Some("请选择"))) (field_error(e, "drill_type"))
            (input("participants", "参加人数", "number"))
            (input("duration_minutes", "演练时长（分钟）", "number"))
            label for="evaluation" { "演练评估" }
            textarea #evaluation name="evaluation" rows="2" { (typed.get("evaluation")) } (field_error(e, "evaluation"))
            label for="photos" { "照片" }
            input #photos name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple;
            (field_error(e, "file"))
            p { button type="submit" { "登记" } }
        }
    }
}

fn view(
    actor: &Actor,
    caller: &Caller,
    q: &DrillsQuery,
    d: &Data,
    typed: &FormWithFiles,
    r: &Refusal,
) -> Markup {
    let bureau = caller.scope == Scope::All;
    html! {
        p { a href="/safety" { "← 校园安全" } " · " a href="/safety/plans" { "应急预案" } }
        (compliance_view(q, d, bureau))
        @if may_write(caller) { (form(actor, bureau, &d.schools, typed, r)) }
        (log_view(&d.drills))
    }
}

pub async fn drills(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<DrillsQuery>,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller, &q).await?;
    let typed = FormWithFiles {
        fields: Vec::new(),
        files: Vec::new(),
    };
    let body = html! { (notice.view(notices)) (view(&actor, &caller, &q, &d, &typed, &Refusal::default())) };
    Ok(page(&actor, TITLE, body).into_response())
}

pub async fn log(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    let form = read(mp).await?;
    let input = DrillInput {
        institution_id: form.id("institution_id"),
        drilled_on: form.get("drilled_on"),
        drill_type: form.get("drill_type"),
        participants: form.get("participants"),
        duration_minutes: form.get("duration_minutes"),
        evaluation: form.get("evaluation"),
    };
    match service::log_drill(&s.db, &caller, &input, &form.files).await {
        Ok(_) => {
            let year = platform::time::today().year();
            Ok(Redirect::to(&with_notice(
                &format!("/safety/drills?year={year}"),
                "logged",
            ))
            .into_response())
        }
        Err(e) => {
            let q = DrillsQuery::default();
            let d = load(&s, &caller, &q).await?;
            redisplay(&actor, TITLE, e, |r| {
                view(&actor, &caller, &q, &d, &form, r)
            })
        }
    }
}
