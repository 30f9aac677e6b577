//! A staff record's page (/teachers/staff/{id}): every information set,
//! postings, honours and 师德 records, and the record's history; and the
//! teacher's own view of it (/teachers/me).

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::web::forms::{csrf_field, options, redisplay, refusal_view, select, Refusal};
use platform::web::{page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};

use super::notices;
use super::show::{self, date, yes_no};
use crate::domain::kinds::title_label;
use crate::domain::staff::StaffId;
use crate::domain::{HonourKind, Level, PostingKind};
use crate::service::staff::postings::{self as service, HonourInput, PostingInput};
use crate::service::staff::reader::{self, StaffReader, StaffView};

fn facts(v: &StaffView) -> Markup {
    let r = &v.record;
    let f = &r.fields;
    let sex = if f.sex == "male" { "男" } else { "女" };
    html! {
        h2 { "基本信息" }
        dl.facts id="basic" {
            dt { "单位" } dd { (r.institution_name) }
            dt { "身份证件号" } dd { (f.national_id) }
            dt { "性别" } dd { (sex) }
            dt { "出生日期" } dd { (v.birth) }
            dt { "民族" } dd { (show::ethnicity(&f.ethnicity)) }
            dt { "政治面貌" } dd { (show::politics(&f.politics)) }
            dt { "学历" } dd { (show::education(&f.education)) }
            dt { "学位" } dd { (show::degree(&f.degree)) }
            dt { "参加工作年月" } dd { (f.work_start) }
            dt { "从教年月" } dd { (f.teaching_start) }
        }
        h2 { "岗位与编制" }
        dl.facts id="post" {
            dt { "岗位类别" } dd { (f.post_category.label()) }
            dt { "岗位等级" } dd { (f.post_grade.map(|g| format!("{g}级")).unwrap_or_default()) }
            dt { "编制情况" } dd { (f.establishment.label()) }
            dt { "是否专任教师" } dd { (yes_no(f.full_time)) }
            dt { "任教学科" } dd { (f.subjects) }
            dt { "任教学段" } dd { (show::stage(f.stage.as_deref())) }
            dt { "在职状态" } dd { (f.status.label()) }
        }
        h2 { "职称与教师资格" }
        dl.facts id="title" {
            dt { "职称" } dd { (title_label(f.title_series, f.title_level)) }
            dt { "职称取得日期" } dd { (date(f.title_obtained_on)) }
            dt { "职称聘任日期" } dd { (date(f.title_appointed_on)) }
            dt { "教师资格证" } dd { (show::certificate(&f.certificate_type)) " " (f.certificate_subject) " " (f.certificate_number) }
            dt { "骨干教师" } dd {
                @if let Some(b) = f.backbone_level { (b.label()) "（" (date(f.backbone_from)) " 至 " (date(f.backbone_to)) "）" } @else { "无" }
            }
        }
    }
}

fn postings(v: &StaffView) -> Markup {
    html! {
        h2 { "岗位变动" }
        table id="postings" {
            thead { tr { th { "类别" } th { "单位或去向" } th { "起始日期" } th { "结束日期" } th { "备注" } } }
            tbody { @for p in &v.postings { tr { td { (p.kind.label()) } td { (p.place()) } td { (p.starts_on) } td { (date(p.ends_on)) } td { (p.note) } } } }
        }
    }
}

fn honours(v: &StaffView) -> Markup {
    html! {
        h2 { "荣誉与师德记录" }
        table id="honours" {
            thead { tr { th { "类别" } th { "名称" } th { "级别" } th.num { "年度" } th { "一票否决" } th { "备注" } } }
            tbody { @for h in &v.honours { tr { td { (h.kind.label()) } td { (h.title) } td { (h.level.label()) } td.num { (h.year) } td { @if h.veto { strong { "是" } } } td { (h.note) } } } }
        }
    }
}

fn history(v: &StaffView) -> Markup {
    html! {
        h2 { "信息变更记录" }
        table id="history" {
            thead { tr { th { "提交时间" } th { "提交人" } th { "类别" } th { "状态" } th { "审核人" } th { "变更内容" } } }
            tbody {
                @for c in &v.changes {
                    tr {
                        td { (platform::time::show_minute(c.change.submitted_at)) }
                        td { (c.change.submitted_by) }
                        td { (c.change.kind.label()) }
                        td { (c.change.status.label()) @if !c.change.comment.is_empty() { "：" (c.change.comment) } }
                        td { (c.change.decided_by.clone().unwrap_or_default()) }
                        td { ul { @for line in &c.diff { li { (line) } } } }
                    }
                }
            }
        }
    }
}

fn add_forms(actor: &Actor, id: StaffId) -> Markup {
    let kinds = options(
        PostingKind::ALL
            .iter()
            .filter(|k| **k != PostingKind::Appointment)
            .map(|k| (k.as_str(), k.label())),
    );
    let honour_kinds = options(HonourKind::ALL.iter().map(|k| (k.as_str(), k.label())));
    let levels = options(Level::ALL.iter().map(|k| (k.as_str(), k.label())));
    html! {
        h2 { "登记岗位变动" }
        form.filters method="post" action=(format!("/teachers/staff/{id}/postings")) {
            (csrf_field(actor))
            label { "变动类别" (select("kind", &kinds, "", Some("请选择"))) }
            label { "区内去向单位" input type="text" name="institution" placeholder="名称或学校标识码"; }
            label { "区外去向（支教、对口支援）" input type="text" name="destination"; }
            label { "起始日期" input type="date" name="starts_on" required; }
            label { "结束日期" input type="date" name="ends_on"; }
            label { "备注" input type="text" name="note"; }
            button type="submit" { "登记" }
        }
        h2 { "登记荣誉或师德记录" }
        form.filters method="post" action=(format!("/teachers/staff/{id}/honours")) {
            (csrf_field(actor))
            label { "类别" (select("kind", &honour_kinds, "", Some("请选择"))) }
            label { "名称" input type="text" name="title" required; }
            label { "级别" (select("level", &levels, "", Some("请选择"))) }
            label { "年度" input type="number" name="year" required; }
            label { input type="checkbox" name="veto" value="是"; " 师德一票否决（仅师德失范）" }
            button type="submit" { "登记" }
        }
    }
}

/// The record as a page; with the forms that change it when `writer`.
/// A refused posting, honour or account form comes back on this page with
/// its errors at the top.
pub fn view(
    actor: &Actor,
    v: &StaffView,
    writer: bool,
    notice: &Notice,
    refused: &Refusal,
) -> Markup {
    let id = v.record.id;
    html! {
        (notice.view(notices))
        (refusal_view(refused))
        @if v.pending().next().is_some() {
            p.alert role="status" id="pending" { "该记录有信息变更正在等待人事科审核，审核通过后生效。" }
        }
        @if writer { p.actions { a.button href=(format!("/teachers/staff/{id}/edit")) { "编辑信息" } } }
        (facts(v))
        (postings(v))
        (honours(v))
        @if writer { (add_forms(actor, id)) }
        @if writer && actor.scope == platform::auth::Scope::All {
            h2 { "本人账号" }
            form.filters method="post" action=(format!("/teachers/staff/{id}/account")) {
                (csrf_field(actor))
                label { "教师本人登录所用的用户名（留空则取消关联）" input type="text" name="username"; }
                button type="submit" { "关联" }
            }
        }
        (history(v))
    }
}

pub async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StaffId>,
    notice: Notice,
) -> PageResult {
    let v = StaffReader::of(&state.db, &caller)?.view(id).await?;
    let writer = actor.may(WorkArea::Teachers, Access::Write);
    let title = format!("教职工：{}", v.record.fields.name);
    Ok(page(
        &actor,
        &title,
        view(&actor, &v, writer, &notice, &Refusal::default()),
    )
    .into_response())
}

/// 我的信息: the teacher's own record, read only.
pub async fn me(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    notice: Notice,
) -> PageResult {
    let v = reader::own(&state.db, &caller).await?;
    Ok(page(
        &actor,
        "我的教师信息",
        view(&actor, &v, false, &notice, &Refusal::default()),
    )
    .into_response())
}

/// Back to the record after a form: with a notice when it was saved, with
/// the errors beside the record when it was refused.
async fn back(
    state: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: StaffId,
    done: Result<(), AppError>,
    key: &str,
) -> PageResult {
    let e = match done {
        Ok(()) => {
            return Ok(
                Redirect::to(&with_notice(&format!("/teachers/staff/{id}"), key)).into_response(),
            )
        }
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => e,
        Err(other) => return Err(other),
    };
    let v = StaffReader::of(&state.db, caller)?.view(id).await?;
    let title = format!("教职工：{}", v.record.fields.name);
    redisplay(actor, &title, e, |r| {
        view(actor, &v, true, &Notice::default(), r)
    })
}

pub async fn add_posting(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StaffId>,
    Form(input): Form<PostingInput>,
) -> PageResult {
    let done = service::add_posting(&state.db, &caller, id, &input)
        .await
        .map(drop);
    back(&state, &actor, &caller, id, done, "posting").await
}

#[derive(serde::Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    username: String,
}

pub async fn link_account(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StaffId>,
    Form(f): Form<AccountForm>,
) -> PageResult {
    let done =
        crate::service::staff::account::link_account(&state.db, &caller, id, &f.username).await;
    back(&state, &actor, &caller, id, done, "account").await
}

pub async fn add_honour(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StaffId>,
    Form(input): Form<HonourInput>,
) -> PageResult {
    let done = service::add_honour(&state.db, &caller, id, &input)
        .await
        .map(drop);
    back(&state, &actor, &caller, id, done, "honour").await
}
