//! 公开招聘 pages: the plans, a plan's posts, a post's ranking; the forms
//! the bureau fills on them.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, field_error, options, refusal_view, select, Refusal};
use platform::web::{page, AppState};
use platform::PageResult;

use crate::domain::recruitment::{
    ApplicantInput, PlanId, PlanInput, PostId, PostInput, Score, APPLICANT_FIELDS, CERTIFICATES,
    EDUCATIONS, PLAN_FIELDS, POST_FIELDS,
};
use crate::service::recruitment::{PlanDetail, PostRanking, RecruitmentReader, SCORE_COLUMNS};
use crate::store::recruitment::PlanRow;

pub fn is_bureau(caller: &Caller) -> bool {
    caller.require_bureau(WorkArea::Teachers).is_ok()
}

/// A labelled field of a form: `control` under the field's label, its
/// errors beneath.
fn field(
    fields: &[(&str, &str)],
    name: &str,
    control: Markup,
    errors: &[platform::FieldError],
) -> Markup {
    let label = fields
        .iter()
        .find(|(k, _)| *k == name)
        .map_or(name, |(_, l)| l);
    html! {
        div.field { label for=(name) { (label) } (control) (field_error(errors, name)) }
    }
}

fn text_field(
    fields: &[(&str, &str)],
    name: &str,
    value: &str,
    errors: &[platform::FieldError],
) -> Markup {
    field(
        fields,
        name,
        html! { input type="text" id=(name) name=(name) value=(value); },
        errors,
    )
}

fn choice(
    fields: &[(&str, &str)],
    name: &str,
    values: &[(String, String)],
    value: &str,
    errors: &[platform::FieldError],
) -> Markup {
    field(
        fields,
        name,
        select(name, values, value, Some("请选择")),
        errors,
    )
}

pub fn plan_form(actor: &Actor, i: &PlanInput, r: &Refusal) -> Markup {
    let e = r.errors.as_slice();
    let f = &PLAN_FIELDS;
    html! {
        h2 { "新建招聘计划" }
        (refusal_view(r))
        form.stacked method="post" action="/teachers/recruitment" {
            (csrf_field(actor))
            (text_field(f, "year", &i.year, e)) (text_field(f, "name", &i.name, e))
            (text_field(f, "written_weight", &i.written_weight, e)) (text_field(f, "interview_weight", &i.interview_weight, e))
            p.muted { "笔试、面试权重之和须为 100%，如笔试 50%、面试 50%。" }
            button type="submit" { "新建计划" }
        }
    }
}

fn plans_table(plans: &[PlanRow]) -> Markup {
    html! {
        table id="recruitment-plans" {
            thead { tr { th { "年度" } th { "招聘计划" } th { "笔试/面试权重" } th.num { "岗位数" } th.num { "招聘人数" } th.num { "报名人数" } th.num { "已聘用" } } }
            tbody {
                @for p in plans {
                    tr {
                        td { (p.year) } td { a href=(format!("/teachers/recruitment/{}", p.id)) { (p.name) } }
                        td { (p.written_weight) "% / " (p.interview_weight) "%" }
                        td.num { (p.posts) } td.num { (p.places) } td.num { (p.applicants) } td.num { (p.hired) }
                    }
                }
            }
        }
    }
}

pub async fn plans(State(state): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let plans = RecruitmentReader::of(&state.db, &caller)?.plans().await?;
    let body = html! {
        (plans_table(&plans))
        @if is_bureau(&caller) { (plan_form(&actor, &PlanInput { written_weight: "50".into(), interview_weight: "50".into(), ..PlanInput::default() }, &Refusal::default())) }
    };
    Ok(page(&actor, "公开招聘", body).into_response())
}

/// The form for a post of the plan, with the institutions to choose from.
pub async fn post_form(
    state: &AppState,
    actor: &Actor,
    plan: PlanId,
    i: &PostInput,
    r: &Refusal,
) -> Result<Markup, platform::AppError> {
    let e = r.errors.as_slice();
    let f = &POST_FIELDS;
    let schools = options(
        (state.institutions)(&state.db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.label())),
    );
    let stages = options(platform::vocab::Stage::ALL.map(|s| (s.key(), s.label())));
    Ok(html! {
        h2 { "新增招聘岗位" }
        (refusal_view(r))
        form.stacked method="post" action=(format!("/teachers/recruitment/{plan}/posts")) {
            (csrf_field(actor))
            (choice(f, "institution_id", &schools, &i.institution_id, e))
            (choice(f, "stage", &stages, &i.stage, e))
            (text_field(f, "subject", &i.subject, e)) (text_field(f, "places", &i.places, e)) (text_field(f, "requirements", &i.requirements, e))
            button type="submit" { "新增岗位" }
        }
    })
}

pub fn score_import_form(actor: &Actor, plan: PlanId) -> Markup {
    html! {
        h2 { "导入考试成绩" }
        p.muted { "表头：" (SCORE_COLUMNS.join("、")) "（按报名编号查找报考人员，未填报名编号的按身份证件号）。可直接使用“导出成绩排名”的文件填写后上传；空白的成绩单元格保留原成绩。文件中只要有一行有误，不导入任何数据。" }
        form.stacked method="post" action=(format!("/teachers/recruitment/{plan}/scores?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
            (csrf_field(actor))
            input type="file" name="file" accept=".xlsx,.csv" required;
            button type="submit" { "上传并导入" }
        }
    }
}

pub fn plan_view(actor: &Actor, bureau: bool, d: &PlanDetail, extra: Markup) -> Markup {
    html! {
        p { "招聘年度 " (d.plan.year) "；笔试权重 " (d.plan.written_weight) "%，面试权重 " (d.plan.interview_weight) "%。" }
        div.actions { a.button.secondary href=(format!("/teachers/recruitment/{}/ranking.xlsx", d.plan.id)) { "导出成绩排名（Excel）" } }
        table id="recruitment-posts" {
            thead { tr { th { "招聘单位" } th { "学段" } th { "学科" } th.num { "招聘人数" } th { "岗位要求" } th.num { "报名人数" } th.num { "已聘用" } } }
            tbody {
                @for p in &d.posts {
                    tr {
                        td { a href=(format!("/teachers/recruitment/posts/{}", p.id)) { (p.institution_name) } }
                        td { (p.stage_label()) } td { (p.subject) } td.num { (p.places) } td { (p.requirements) } td.num { (p.applicants) } td.num { (p.hired) }
                    }
                }
            }
        }
        (extra)
        @if bureau { (score_import_form(actor, d.plan.id)) }
    }
}

pub async fn plan(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PlanId>,
) -> PageResult {
    let d = RecruitmentReader::of(&state.db, &caller)?.plan(id).await?;
    let bureau = is_bureau(&caller);
    let form = if bureau {
        post_form(
            &state,
            &actor,
            id,
            &PostInput::default(),
            &Refusal::default(),
        )
        .await?
    } else {
        html! {}
    };
    Ok(page(&actor, &d.plan.name, plan_view(&actor, bureau, &d, form)).into_response())
}

pub fn applicant_form(actor: &Actor, post: PostId, i: &ApplicantInput, r: &Refusal) -> Markup {
    let e = r.errors.as_slice();
    let f = &APPLICANT_FIELDS;
    let educations = options(EDUCATIONS.map(|v| (v, v)));
    let certificates = options(CERTIFICATES.map(|v| (v, v)));
    html! {
        h2 { "登记报考人员" }
        (refusal_view(r))
        form.stacked method="post" action=(format!("/teachers/recruitment/posts/{post}/applicants")) {
            (csrf_field(actor))
            (text_field(f, "name", &i.name, e)) (text_field(f, "national_id", &i.national_id, e))
            (choice(f, "education", &educations, &i.education, e))
            (choice(f, "certificate_type", &certificates, &i.certificate_type, e))
            (text_field(f, "certificate_subject", &i.certificate_subject, e))
            button type="submit" { "登记" }
        }
    }
}

fn score(s: Option<Score>) -> String {
    s.map(|s| s.to_string()).unwrap_or_default()
}

/// The ranking, with check boxes to hire for the bureau (the top within
/// the places ticked).
pub fn post_view(
    actor: &Actor,
    bureau: bool,
    p: &PostRanking,
    alert: Option<&str>,
    extra: Markup,
) -> Markup {
    let places = usize::try_from(p.post.places).unwrap_or(0);
    html! {
        p { a href=(format!("/teachers/recruitment/{}", p.plan.id)) { (p.plan.name) } "：" (p.post.institution_name) " " (p.post.stage_label()) (p.post.subject) "，招聘 " (p.post.places) " 人，已聘用 " (p.post.hired) " 人。" }
        @if let Some(a) = alert { p.alert role="alert" { (a) } }
        form method="post" action=(format!("/teachers/recruitment/posts/{}/hires", p.post.id)) {
            (csrf_field(actor))
            table id="recruitment-ranking" {
                thead { tr { @if bureau { th { "聘用" } } th.num { "排名" } th { "姓名" } th { "身份证件号" } th { "学历" } th { "教师资格证" } th.num { "笔试" } th.num { "面试" } th.num { "总成绩" } th { "状态" } } }
                tbody {
                    @for r in &p.ranking {
                        @let a = &r.applicant;
                        tr {
                            @if bureau { td { @if a.staff_id.is_none() && r.rank.is_some_and(|k| k <= places) { input type="checkbox" name="applicant_ids" value=(a.id) checked[p.post.hired == 0]; } } }
                            td.num { (r.rank.map(|k| k.to_string()).unwrap_or_default()) }
                            td { (a.name) } td { (a.national_id) } td { (a.education) }
                            td { (a.certificate_type) "（" (a.certificate_subject) "）" }
                            td.num { (score(a.written_score)) } td.num { (score(a.interview_score)) } td.num { (r.total_label) }
                            td { @if let Some(on) = a.hired_on { "已聘用（" (on) "）" } }
                        }
                    }
                }
            }
            @if bureau && p.post.hired < p.post.places {
                label { "聘用日期 " input type="date" name="hired_on"; }
                button type="submit" { "确认聘用所选人员" }
            }
        }
        (extra)
    }
}

pub async fn post(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PostId>,
) -> PageResult {
    let p = RecruitmentReader::of(&state.db, &caller)?.post(id).await?;
    let bureau = is_bureau(&caller);
    let form = if bureau {
        applicant_form(&actor, id, &ApplicantInput::default(), &Refusal::default())
    } else {
        html! {}
    };
    Ok(page(
        &actor,
        "招聘岗位成绩排名",
        post_view(&actor, bureau, &p, None, form),
    )
    .into_response())
}
