//! The outgoing documents list with its filters, and the drafting form.

use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Section};
use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;

use super::notices;
use crate::domain::documents::{DocStatus, DocType, Issuer};
use crate::service::documents::outgoing::{self, DraftInput};
use crate::service::documents::{self as service, section_label};
use crate::store::documents::recipients::RecipientInput;
use crate::store::documents::{institution_choices, Document, DocumentFilter};

fn filters(f: &DocumentFilter) -> Markup {
    let types = options(DocType::ALL.iter().map(|t| (t.as_str(), t.label())));
    let states = options(DocStatus::ALL.iter().map(|s| (s.as_str(), s.label())));
    html! {
        form.filters method="get" action="/public/documents" {
            label { "文种 " (select("doc_type", &types, f.doc_type.map_or("", |t| t.as_str()), Some("全部"))) }
            label { "状态 " (select("status", &states, f.status.map_or("", |s| s.as_str()), Some("全部"))) }
            label { "年度 " input name="year" type="number" value=[f.year] style="width:6em"; }
            label { input type="checkbox" name="unsigned" value="true" checked[f.unsigned == Some(true)]; " 有未签收" }
            button type="submit" { "筛选" }
        }
    }
}

fn table(docs: &[Document]) -> Markup {
    html! {
        @if docs.is_empty() { p.muted { "没有符合条件的公文。" } } @else {
            table #documents {
                thead { tr { th { "文号" } th { "标题" } th { "文种" } th { "拟稿科室" } th { "状态" } th { "签发日期" } th { "签收" } } }
                tbody { @for d in docs { tr {
                    td { (d.number.as_deref().unwrap_or("—")) }
                    td { a href=(format!("/public/documents/{}", d.id)) { (d.title) } }
                    td { (d.doc_type.label()) }
                    td { (section_label(&d.section)) }
                    td { span class=(format!("tag state-{}", d.status.as_str())) { (d.status.label()) } }
                    td { (d.signed_on.map(show_date).unwrap_or_default()) }
                    td { @if d.receipts > 0 { (d.receipts - d.unsigned) " / " (d.receipts) } }
                } } }
            }
        }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(f): Query<DocumentFilter>,
    notice: Notice,
) -> PageResult {
    let docs = service::list(&s.db, &caller, &f).await?;
    let body = html! {
        (notice.view(notices))
        p {
            @if service::may_draft(&caller) { a.button href="/public/documents/new" { "拟稿" } " " }
            @if service::viewer(&caller) != crate::domain::documents::Viewer::Nobody
                && !matches!(service::viewer(&caller), crate::domain::documents::Viewer::Institution(_)) {
                a href="/public/documents/incoming" { "收文管理" }
            }
        }
        (filters(&f))
        (table(&docs))
    };
    Ok(page(&actor, "电子公文 · 发文", body).into_response())
}

/// The drafting form as typed (repeated fields come as pairs).
#[derive(Clone, Debug, Default)]
pub struct DraftForm {
    doc_type: String,
    issuer: String,
    title: String,
    body: String,
    institutions: Vec<i64>,
    all_schools: bool,
    sections: Vec<String>,
    copy_sections: Vec<String>,
}

impl DraftForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> DraftForm {
        let mut f = DraftForm::default();
        for (k, v) in pairs {
            match k.as_str() {
                "doc_type" => f.doc_type = v,
                "issuer" => f.issuer = v,
                "title" => f.title = v,
                "body" => f.body = v,
                "institution" => f.institutions.extend(v.trim().parse::<i64>().ok()),
                "all_schools" => f.all_schools = true,
                "section" => f.sections.push(v),
                "copy_section" => f.copy_sections.push(v),
                _ => {}
            }
        }
        f
    }

    fn input(&self, all: &[(i64, String)]) -> DraftInput {
        let schools: Vec<i64> = if self.all_schools {
            all.iter().map(|(id, _)| *id).collect()
        } else {
            self.institutions.clone()
        };
        let mut recipients: Vec<RecipientInput> = schools
            .into_iter()
            .map(|id| RecipientInput {
                copy_only: false,
                institution_id: Some(id),
                section: None,
            })
            .collect();
        for (list, copy_only) in [(&self.sections, false), (&self.copy_sections, true)] {
            recipients.extend(list.iter().map(|s| RecipientInput {
                copy_only,
                institution_id: None,
                section: Some(s.clone()),
            }));
        }
        DraftInput {
            doc_type: DocType::parse(&self.doc_type),
            issuer: Issuer::parse(&self.issuer),
            title: self.title.clone(),
            body: self.body.clone(),
            recipients,
        }
    }
}

fn section_boxes(name: &str, chosen: &[String]) -> Markup {
    html! {
        @for s in Section::ALL {
            label.inline { input type="checkbox" name=(name) value=(s.key()) checked[chosen.iter().any(|c| c == s.key())]; " " (s.label()) } " "
        }
    }
}

fn form(actor: &Actor, f: &DraftForm, schools: &[(i64, String)], r: &Refusal) -> Markup {
    let e = &r.errors;
    let types = options(DocType::ALL.iter().map(|t| (t.as_str(), t.label())));
    let issuers = options(Issuer::ALL.iter().map(|t| (t.as_str(), t.label())));
    html! {
        p { a href="/public/documents" { "← 电子公文" } }
        (refusal_view(r))
        form.stacked #draft-form method="post" action="/public/documents" {
            (csrf_field(actor))
            label for="doc_type" { "文种" } (select("doc_type", &types, &f.doc_type, Some("请选择"))) (field_error(e, "doc_type"))
            label for="issuer" { "发文机关" } (select("issuer", &issuers, &f.issuer, None))
            label for="title" { "标题" } input #title name="title" value=(f.title); (field_error(e, "title"))
            label for="body" { "正文" } textarea #body name="body" rows="10" { (f.body) } (field_error(e, "body"))
            fieldset {
                legend { "主送" }
                label { input #all_schools type="checkbox" name="all_schools" value="1" checked[f.all_schools]; " 全部学校（幼儿园）" }
                select #institution name="institution" multiple size="8" {
                    @for (id, name) in schools { option value=(id) selected[f.institutions.contains(id)] { (name) } }
                }
                p { "科室：" (section_boxes("section", &f.sections)) }
                (field_error(e, "recipients"))
            }
            fieldset { legend { "抄送" } (section_boxes("copy_section", &f.copy_sections)) }
            p { button type="submit" { "保存公文稿" } }
        }
    }
}

pub async fn new(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    if !service::may_draft(&caller) {
        return Err(platform::AppError::Forbidden);
    }
    let schools = institution_choices(&s.db).await?;
    let f = DraftForm {
        issuer: Issuer::Bureau.as_str().into(),
        ..DraftForm::default()
    };
    Ok(page(
        &actor,
        "拟稿",
        form(&actor, &f, &schools, &Refusal::default()),
    )
    .into_response())
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let f = DraftForm::from_pairs(pairs);
    let schools = institution_choices(&s.db).await?;
    match outgoing::draft(&s.db, &caller, &f.input(&schools), &[]).await {
        Ok(id) => Ok(
            Redirect::to(&with_notice(&format!("/public/documents/{id}"), "drafted"))
                .into_response(),
        ),
        Err(e) => redisplay(&actor, "拟稿", e, |r| form(&actor, &f, &schools, r)),
    }
}
