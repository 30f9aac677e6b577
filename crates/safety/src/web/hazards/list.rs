//! The hazards list with its filters, the per-institution table, and the
//! report form (a school reports its own; the 安全科 chooses the school).

use axum::extract::{Multipart, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::text_enum::TextEnum;
use platform::time::show_date;
use platform::web::forms::{field_error, options, redisplay, refusal_view, select, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use super::multipart::{read, FormWithFiles};
use super::{level_tag, notices, state_tag};
use crate::domain::hazards::{HazardCategory, HazardInput, HazardState, RiskLevel};
use crate::service::hazards::{self as service, MAX_PHOTOS};
use crate::store::hazards::{Hazard, HazardFilter, InstitutionHazards};

const TITLE: &str = "安全隐患";

/// The filters as the query string carries them ("" = all).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    institution_id: String,
    township_id: String,
    category: String,
    risk_level: String,
    state: String,
    open: String,
}

impl ListQuery {
    fn filter(&self) -> HazardFilter {
        HazardFilter {
            institution_id: self.institution_id.trim().parse().ok(),
            township_id: self.township_id.trim().parse().ok(),
            category: HazardCategory::parse(&self.category),
            risk_level: RiskLevel::parse(&self.risk_level),
            state: HazardState::parse(&self.state),
            open: Some(self.open == "true"),
        }
    }
}

fn codes<E: TextEnum>() -> Vec<(String, String)> {
    options(E::ALL.iter().map(|e| (e.as_str(), e.label())))
}

struct Choices {
    schools: Vec<(String, String)>,
    towns: Vec<(String, String)>,
}

async fn choices(s: &AppState, caller: &Caller) -> Result<Choices, platform::AppError> {
    let towns = platform::district::townships(&s.db).await?;
    Ok(Choices {
        schools: options(crate::store::hazards::institution_choices(&s.db, &caller.scope).await?),
        towns: options(towns.iter().map(|t| (t.id.0, t.name.as_str()))),
    })
}

fn filters(q: &ListQuery, c: &Choices, bureau: bool) -> Markup {
    html! {
        form.filters #hazard-filters method="get" action="/safety/hazards" {
            @if bureau {
                label { "乡镇（街道）" (select("township_id", &c.towns, &q.township_id, Some("全部"))) }
                label { "学校" (select("institution_id", &c.schools, &q.institution_id, Some("全部"))) }
            }
            label { "类别" (select("category", &codes::<HazardCategory>(), &q.category, Some("全部"))) }
            label { "风险等级" (select("risk_level", &codes::<RiskLevel>(), &q.risk_level, Some("全部"))) }
            label { "状态" (select("state", &codes::<HazardState>(), &q.state, Some("全部"))) }
            label { input type="checkbox" name="open" value="true" checked[q.open == "true"]; "仅未整改" }
            button type="submit" { "筛选" }
        }
    }
}

fn table(hazards: &[Hazard]) -> Markup {
    html! {
        @if hazards.is_empty() { p.muted #no-hazards { "没有符合条件的隐患。" } } @else {
            table #hazards {
                thead { tr { th { "发现日期" } th { "学校" } th { "类别" } th { "风险等级" } th { "位置" } th { "来源" } th { "状态" } } }
                tbody { @for h in hazards { tr {
                    td { (show_date(h.found_on)) }
                    td { (h.institution_name) }
                    td { (h.category.label()) }
                    td { (level_tag(h.risk_level)) }
                    td { a href=(format!("/safety/hazards/{}", h.id)) { (h.location) } }
                    td { (h.origin.label()) }
                    td { (state_tag(h.state, h.deadline)) }
                } } }
            }
        }
    }
}

fn per_institution(rows: &[InstitutionHazards]) -> Markup {
    html! {
        h2 { "各校隐患整改情况" }
        table #hazards-by-institution {
            thead { tr { th { "学校" } th.num { "隐患数" } th.num { "已整改" } th.num { "待下发整改通知" } th.num { "整改率" } } }
            tbody { @for r in rows { tr {
                td { a href=(format!("/safety/hazards?institution_id={}", r.institution_id)) { (r.institution_name) } }
                td.num { (r.hazards) } td.num { (r.rectified) } td.num { (r.unordered) }
                td.num { (crate::domain::hazards::percent(r.rectified, r.hazards).map_or("—".into(), |p| format!("{p:.1}%"))) }
            } } }
        }
    }
}

fn report_form(
    actor: &Actor,
    caller: &Caller,
    typed: &FormWithFiles,
    c: &Choices,
    r: &Refusal,
) -> Markup {
    let e = &r.errors;
    let text = |name: &'static str, label: &str| {
        html! { label for=(name) { (label) } input id=(name) name=(name) value=(typed.get(name)); (field_error(e, name)) }
    };
    html! {
        h2 #report { "上报隐患" }
        (refusal_view(r))
        form.stacked #hazard-form method="post" enctype="multipart/form-data"
            action=(format!("/safety/hazards?_csrf={}", actor.csrf_token)) {
            @if caller.scope == Scope::All {
                label for="institution_id" { "学校" }
                (select("institution_id", &c.schools, &typed.get("institution_id"), Some("请选择")))
                (field_error(e, "institution_id"))
            }
            label for="category" { "隐患类别" }
            (select("category", &codes::<HazardCategory>(), &typed.get("category"), Some("请选择"))) (field_error(e, "category"))
            label for="risk_level" { "风险等级" }
            (select("risk_level", &codes::<RiskLevel>(), &typed.get("risk_level"), Some("请选择"))) (field_error(e, "risk_level"))
            (text("location", "隐患位置"))
            label for="description" { "隐患描述" }
            textarea #description name="description" rows="3" { (typed.get("description")) } (field_error(e, "description"))
            label for="found_on" { "发现日期（不填为今天）" }
            input #found_on name="found_on" type="date" value=(typed.get("found_on")); (field_error(e, "found_on"))
            @if caller.scope == Scope::All {
                (text("campaign_id", "安全检查编号（检查中发现时填写）"))
            }
            label for="photos" { "照片（最多 " (MAX_PHOTOS) " 张，JPG/PNG）" }
            input #photos name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple;
            (field_error(e, "file"))
            p { button type="submit" { "上报" } }
        }
    }
}

/// What the page shows besides the form.
struct Data {
    hazards: Vec<Hazard>,
    rows: Vec<InstitutionHazards>,
    choices: Choices,
}

async fn load(s: &AppState, caller: &Caller, q: &ListQuery) -> Result<Data, platform::AppError> {
    Ok(Data {
        hazards: service::list(&s.db, caller, &q.filter()).await?,
        rows: service::by_institution(&s.db, caller).await?,
        choices: choices(s, caller).await?,
    })
}

fn view(
    actor: &Actor,
    caller: &Caller,
    q: &ListQuery,
    d: &Data,
    typed: &FormWithFiles,
    r: &Refusal,
) -> Markup {
    let bureau = caller.scope == Scope::All;
    html! {
        p { a href="/safety" { "← 校园安全" } " · " a href="/inspection/orders?owner=safety" { "整改通知书" } }
        // The report form comes first: its fields own the ids the filters'
        // fields of the same names would otherwise take.
        @if service::may_write(caller) { (report_form(actor, caller, typed, &d.choices, r)) }
        h2 { "隐患列表" }
        (filters(q, &d.choices, bureau))
        (table(&d.hazards))
        @if bureau { (per_institution(&d.rows)) }
    }
}

fn empty_form() -> FormWithFiles {
    FormWithFiles {
        fields: Vec::new(),
        files: Vec::new(),
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<ListQuery>,
    notice: Notice,
) -> PageResult {
    let d = load(&s, &caller, &q).await?;
    let body = view(&actor, &caller, &q, &d, &empty_form(), &Refusal::default());
    Ok(page(&actor, TITLE, html! { (notice.view(notices)) (body) }).into_response())
}

pub async fn report(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    mp: Multipart,
) -> PageResult {
    let form = read(mp).await?;
    let input = HazardInput {
        institution_id: form.id("institution_id"),
        category: form.get("category"),
        risk_level: form.get("risk_level"),
        location: form.get("location"),
        description: form.get("description"),
        found_on: form.get("found_on"),
        campaign_id: form.id("campaign_id"),
    };
    match service::report(&s.db, &caller, &input, &form.files).await {
        Ok(id) => Ok(
            Redirect::to(&with_notice(&format!("/safety/hazards/{id}"), "reported"))
                .into_response(),
        ),
        Err(e) => {
            let q = ListQuery::default();
            let d = load(&s, &caller, &q).await?;
            redisplay(&actor, TITLE, e, |r| {
                view(&actor, &caller, &q, &d, &form, r)
            })
        }
    }
}
