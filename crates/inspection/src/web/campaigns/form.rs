//! /inspection/campaigns/new: start a campaign. The institutions are picked
//! from the registry, narrowed by type, ownership and township, each with
//! the inspector who scores it.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use chrono::NaiveDate;
use institutions::domain::{Category, Institution, Ownership};
use institutions::store::Filter;
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page as layout, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use super::here;
use super::widgets::{fields, text, Fields};
use crate::domain::{FrameworkId, Owner};
use crate::service::campaigns::{self as service, NewCampaign, NewTarget};
use crate::service::require_owner_bureau;
use crate::store::campaigns::{published_frameworks, FrameworkChoice};

/// Which institutions the form lists.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Pick {
    owner: String,
    category: String,
    ownership: String,
    township_id: String,
}

impl Pick {
    fn of(f: &Fields) -> Pick {
        Pick {
            owner: text(f, "owner").into(),
            category: text(f, "category").into(),
            ownership: text(f, "ownership").into(),
            township_id: text(f, "township_id").into(),
        }
    }

    fn owner(&self) -> Result<Owner, AppError> {
        Owner::parse(&self.owner).ok_or_else(|| AppError::BadRequest("请从业务页面发起评估".into()))
    }
}

struct Choices {
    frameworks: Vec<FrameworkChoice>,
    institutions: Vec<Institution>,
    towns: Vec<(String, String)>,
}

async fn choices(s: &AppState, owner: Owner, pick: &Pick) -> Result<Choices, AppError> {
    let filter = Filter {
        category: Some(pick.category.clone()),
        ownership: Some(pick.ownership.clone()),
        township_id: pick.township_id.trim().parse().ok(),
        status: Some("active".into()),
        ..Filter::default()
    };
    let towns = platform::district::townships(&s.db).await?;
    Ok(Choices {
        frameworks: published_frameworks(&s.db, owner).await?,
        institutions: institutions::store::list_all(&s.db, &Scope::All, &filter).await?,
        towns: options(towns.iter().map(|t| (t.id.0, t.name.as_str()))),
    })
}

fn view(
    actor: &Actor,
    owner: Owner,
    pick: &Pick,
    typed: &Fields,
    r: &Refusal,
    c: &Choices,
) -> Markup {
    let e = &r.errors;
    let categories = options(Category::ALL.iter().map(|k| (k.key(), k.label())));
    let ownerships = options(Ownership::ALL.iter().map(|k| (k.key(), k.label())));
    let frameworks = options(c.frameworks.iter().map(|f| {
        (
            f.id.0,
            format!("{}（{}年，第 {} 版）", f.name, f.year, f.version),
        )
    }));
    let picked: Vec<&str> = typed
        .get("inst")
        .map(|v| v.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let input = |name: &'static str, label: &str, kind: &str| {
        html! {
            label for=(name) { (label) }
            input id=(name) name=(name) type=(kind) value=(text(typed, name)); (field_error(e, name))
        }
    };
    html! {
        form.filters method="get" action="/inspection/campaigns/new" {
            input type="hidden" name="owner" value=(owner.as_str());
            label for="category" { "学校类型" } (select("category", &categories, &pick.category, Some("全部")))
            label for="ownership" { "办学性质" } (select("ownership", &ownerships, &pick.ownership, Some("全部")))
            label for="township_id" { "乡镇（街道）" } (select("township_id", &c.towns, &pick.township_id, Some("全部")))
            button type="submit" { "筛选单位" }
        }
        (refusal_view(r))
        @if c.frameworks.is_empty() {
            p.alert role="alert" { (owner.label()) "还没有已发布的评估标准，请先发布评估标准。" }
        }
        form.stacked id="campaign-form" method="post" action="/inspection/campaigns" {
            (csrf_field(actor))
            input type="hidden" name="owner" value=(owner.as_str());
            input type="hidden" name="category" value=(pick.category);
            input type="hidden" name="ownership" value=(pick.ownership);
            input type="hidden" name="township_id" value=(pick.township_id);
            (input("title", "名称", "text"))
            label for="framework_id" { "评估标准" }
            (select("framework_id", &frameworks, text(typed, "framework_id"), Some("请选择"))) (field_error(e, "framework_id"))
            (input("starts_on", "开始日期", "date"))
            (input("ends_on", "结束日期", "date"))
            (input("lead_inspector", "评估组长", "text"))
            (input("note", "说明", "text"))
            h2 { "参评单位" }
            (field_error(e, "targets"))
            @if c.institutions.is_empty() { p.muted { "没有符合筛选条件的单位。" } }
            table id="institutions" {
                thead { tr { th { "参评" } th { "单位" } th { "责任督学" } } }
                tbody { @for i in &c.institutions {
                    @let id = i.id.0.to_string();
                    tr {
                        td { input type="checkbox" name="inst" value=(id) id=(format!("inst_{id}")) checked[picked.contains(&id.as_str())]; }
                        td { label for=(format!("inst_{id}")) { (i.name) } }
                        td { input name=(format!("inspector_{id}")) value=(text(typed, &format!("inspector_{id}"))) aria-label=(format!("{} 责任督学", i.name)); }
                    }
                } }
            }
            p { button type="submit" { "发起评估" } }
        }
    }
}

fn title(owner: Owner) -> String {
    format!("发起{}评估", owner.label())
}

pub async fn new(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(pick): Query<Pick>,
) -> PageResult {
    let owner = pick.owner()?;
    require_owner_bureau(&caller, owner)?;
    let c = choices(&s, owner, &pick).await?;
    let body = view(
        &actor,
        owner,
        &pick,
        &Fields::new(),
        &Refusal::default(),
        &c,
    );
    Ok(layout(&actor, &title(owner), body).into_response())
}

/// The campaign the form describes; a date or framework that cannot be
/// read is refused at its field.
fn input_of(owner: Owner, f: &Fields) -> Result<NewCampaign, AppError> {
    let date = |name: &'static str| {
        NaiveDate::parse_from_str(text(f, name).trim(), "%Y-%m-%d")
            .map_err(|_| AppError::invalid(name, "请填写日期"))
    };
    let framework_id = text(f, "framework_id")
        .trim()
        .parse()
        .map(FrameworkId)
        .map_err(|_| AppError::invalid("framework_id", "请选择评估标准"))?;
    let targets = f
        .get("inst")
        .map(|ids| {
            ids.iter()
                .filter_map(|id| id.parse().ok())
                .map(|institution_id: i64| NewTarget {
                    institution_id,
                    inspector: text(f, &format!("inspector_{institution_id}")).to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(NewCampaign {
        owner,
        framework_id,
        title: text(f, "title").into(),
        starts_on: date("starts_on")?,
        ends_on: date("ends_on")?,
        lead_inspector: text(f, "lead_inspector").into(),
        note: text(f, "note").into(),
        targets,
    })
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let f = fields(pairs);
    let pick = Pick::of(&f);
    let owner = pick.owner()?;
    let made = match input_of(owner, &f) {
        Ok(input) => service::create(&s.db, &caller, &input).await,
        Err(e) => Err(e),
    };
    match made {
        Ok(id) => Ok(Redirect::to(&here(id)).into_response()),
        Err(e) => {
            let c = choices(&s, owner, &pick).await?;
            redisplay(&actor, &title(owner), e, |r| {
                view(&actor, owner, &pick, &f, r, &c)
            })
        }
    }
}
