//! /inspection/campaigns/{id}/targets/{institution_id}/self: the
//! institution's self-evaluation (自评): per indicator an answer, a note
//! and evidence files; saved as a draft or submitted (then read-only).

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Scope};
use platform::web::forms::{field_error, redisplay, refusal_view, Refusal};
use platform::web::upload::upload_failed;
use platform::web::{page as layout, AppState};
use platform::{AppError, InstitutionId, PageResult};

use super::widgets::{
    answer_input, answer_label, answers_of, leaf_method, method_label, text, texts_of, Fields,
};
use super::{here, target_href};
use crate::domain::campaigns::{SelfAnswers, SelfItem, SelfStatus};
use crate::domain::CampaignId;
use crate::service::campaigns::{self as service, SelfEvaluation, SelfInput, SelfUpload};
use crate::service::evidence::Upload;
use crate::store::evidence::EvidenceFile;

/// The evidence files of one indicator, as download links.
pub(super) fn files_of(files: &[EvidenceFile], code: &str) -> Markup {
    html! {
        @for f in files.iter().filter(|f| f.indicator_code == code) {
            a.evidence href=(format!("/inspection/evidence/{}", f.id.0)) { (f.file_name) } " "
        }
    }
}

fn view(actor: &Actor, se: &SelfEvaluation, items: &SelfAnswers, r: &Refusal) -> Markup {
    let t = &se.target;
    let editable = actor.scope == Scope::Institution(InstitutionId(t.institution_id))
        && se.campaign.is_open()
        && t.self_status != SelfStatus::Submitted;
    let action = format!(
        "{}/self?_csrf={}",
        target_href(se.campaign.id, t.institution_id),
        actor.csrf_token
    );
    let rows = html! {
        table id="self-evaluation" {
            thead { tr { th { "指标" } th { "计分方法" } th { "自评" } th { "说明" } th { "佐证材料" } } }
            tbody { @for leaf in se.framework.leaves() { @if let Some(m) = leaf_method(leaf) {
                @let code = leaf.code.trim();
                @let item = items.get(code).cloned().unwrap_or_default();
                tr data-code=(code) {
                    td { strong { (code) } " " (leaf.title) " （" (leaf.points) "）"
                        @if !leaf.evidence.is_empty() { div.muted { "佐证：" (leaf.evidence.join("、")) } } }
                    td.muted { (method_label(m)) }
                    @if editable {
                        td { (answer_input(&format!("a_{code}"), leaf, m, item.answer.as_ref())) (field_error(&r.errors, &format!("items.{code}"))) }
                        td { textarea name=(format!("n_{code}")) rows="2" aria-label=(format!("{code} 说明")) { (item.note) } }
                        td { (files_of(&se.evidence, code)) input type="file" name=(format!("file_{code}")) multiple aria-label=(format!("{code} 佐证材料")); }
                    } @else {
                        td { (answer_label(m, item.answer.as_ref())) }
                        td { (item.note) }
                        td { (files_of(&se.evidence, code)) }
                    }
                }
            } } }
        }
    };
    html! {
        p { a href=(here(se.campaign.id)) { "← " (se.campaign.title) } }
        p id="self-status" { "自评状态：" (t.self_status.label()) }
        (refusal_view(r))
        @if editable {
            form.stacked id="self-form" method="post" enctype="multipart/form-data" action=(action) {
                (rows)
                p {
                    button.secondary type="submit" name="action" value="draft" { "保存草稿" } " "
                    button type="submit" name="action" value="submit" { "提交自评" }
                }
                p.muted { "提交后不能再修改。佐证材料支持 PDF、图片和 Office 文档，单个文件不超过 20 MB。" }
            }
        } @else { (rows) }
    }
}

fn title(se: &SelfEvaluation) -> String {
    format!("自评：{}", se.target.institution_name)
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
) -> PageResult {
    let se = service::self_evaluation(&s.db, &caller, id, institution).await?;
    let body = view(&actor, &se, &se.items, &Refusal::default());
    Ok(layout(&actor, &title(&se), body).into_response())
}

/// The form's text fields and its non-empty files by indicator.
async fn read(mut mp: Multipart) -> Result<(Fields, Vec<SelfUpload>), AppError> {
    let mut f = Fields::new();
    let mut uploads = Vec::new();
    while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
        let name = field.name().unwrap_or_default().to_string();
        if let Some(code) = name.strip_prefix("file_") {
            let code = code.to_string();
            let file_name = field.file_name().unwrap_or("file").to_string();
            let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
            if !bytes.is_empty() {
                uploads.push(SelfUpload {
                    indicator_code: code,
                    file: Upload { file_name, bytes },
                });
            }
            continue;
        }
        let value = field.text().await.map_err(upload_failed)?;
        f.entry(name).or_default().push(value);
    }
    Ok((f, uploads))
}

pub async fn save(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
    mp: Multipart,
) -> PageResult {
    let se = service::self_evaluation(&s.db, &caller, id, institution).await?;
    let (f, uploads) = read(mp).await?;
    let (answers, errors) = answers_of(&se.framework, &f, "a_", "items.");
    let mut notes = texts_of(&se.framework, &f, "n_");
    let codes: std::collections::BTreeSet<String> =
        answers.keys().chain(notes.keys()).cloned().collect();
    let items: SelfAnswers = codes
        .into_iter()
        .map(|code| {
            let item = SelfItem {
                answer: answers.get(&code).cloned(),
                note: notes.remove(&code).unwrap_or_default(),
            };
            (code, item)
        })
        .collect();
    let input = SelfInput {
        items,
        submit: text(&f, "action") == "submit",
    };
    let saved = if errors.is_empty() {
        service::save_self(&s.db, &caller, id, institution, &input, uploads).await
    } else {
        Err(AppError::Invalid(errors))
    };
    match saved {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}/self", target_href(id, institution))).into_response())
        }
        Err(e) => redisplay(&actor, &title(&se), e, |r| {
            view(&actor, &se, &input.items, r)
        }),
    }
}
