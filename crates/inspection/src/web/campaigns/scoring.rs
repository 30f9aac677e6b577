//! /inspection/campaigns/{id}/targets/{institution_id}/score: the
//! inspectors' scoring form. Beside each indicator it shows the
//! institution's self-evaluation and evidence; each problem of a score is
//! shown at its indicator.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, field_error, redisplay, refusal_view, Refusal};
use platform::web::{page as layout, AppState};
use platform::{AppError, PageResult};

use super::self_eval::files_of;
use super::widgets::{
    answer_input, answer_label, answers_of, fields, leaf_method, method_label, texts_of,
};
use super::{here, target_href};
use crate::domain::campaigns::{Answers, Findings};
use crate::domain::CampaignId;
use crate::service::campaigns::{self as service, Report, ScoreInput, SelfEvaluation};

fn view(
    actor: &Actor,
    se: &SelfEvaluation,
    answers: &Answers,
    findings: &Findings,
    r: &Refusal,
) -> Markup {
    let t = &se.target;
    let action = format!("{}/score", target_href(se.campaign.id, t.institution_id));
    html! {
        p { a href=(here(se.campaign.id)) { "← " (se.campaign.title) } }
        p { "自评：" (t.self_status.label()) }
        (refusal_view(r))
        form.stacked id="score-form" method="post" action=(action) {
            (csrf_field(actor))
            table id="scoring" {
                thead { tr { th { "指标" } th { "自评" } th { "评分" } th { "发现的问题" } } }
                tbody { @for leaf in se.framework.leaves() { @if let Some(m) = leaf_method(leaf) {
                    @let code = leaf.code.trim();
                    @let own = se.items.get(code);
                    tr data-code=(code) {
                        td { strong { (code) } " " (leaf.title) " （" (leaf.points) "）" div.muted { (method_label(m)) } }
                        td {
                            (answer_label(m, own.and_then(|i| i.answer.as_ref())))
                            @if let Some(i) = own { @if !i.note.is_empty() { div.muted { (i.note) } } }
                            (files_of(&se.evidence, code))
                        }
                        td { (answer_input(&format!("a_{code}"), leaf, m, answers.get(code))) (field_error(&r.errors, &format!("answers.{code}"))) }
                        td { textarea name=(format!("f_{code}")) rows="2" aria-label=(format!("{code} 发现的问题")) { (findings.get(code).map_or("", String::as_str)) } }
                    }
                } } }
            }
            p { button type="submit" { "保存评分" } }
        }
    }
}

fn title(se: &SelfEvaluation) -> String {
    format!("评分：{}", se.target.institution_name)
}

pub async fn page(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
) -> PageResult {
    let se = service::self_evaluation(&s.db, &caller, id, institution).await?;
    crate::service::require_owner_bureau(&caller, se.campaign.owner)?;
    let Report { answers, line, .. } = service::report(&s.db, &caller, id, institution).await?;
    let body = view(&actor, &se, &answers, &line.findings, &Refusal::default());
    Ok(layout(&actor, &title(&se), body).into_response())
}

pub async fn save(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, institution)): Path<(CampaignId, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let se = service::self_evaluation(&s.db, &caller, id, institution).await?;
    let f = fields(pairs);
    let (answers, errors) = answers_of(&se.framework, &f, "a_", "answers.");
    let findings: Findings = texts_of(&se.framework, &f, "f_");
    let input = ScoreInput { answers, findings };
    let saved = if errors.is_empty() {
        service::score(&s.db, &caller, id, institution, &input).await
    } else {
        Err(AppError::Invalid(errors))
    };
    match saved {
        Ok(_) => Ok(Redirect::to(&target_href(id, institution)).into_response()),
        Err(e) => redisplay(&actor, &title(&se), e, |r| {
            view(&actor, &se, &input.answers, &input.findings, r)
        }),
    }
}
