//! The staff pages of petitions under /public/petitions: the list, the
//! registration of letters, visits and calls, a case with the forms of its
//! next step, and the statistics with their .xlsx export.

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller, Section};

use platform::time::show_date;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};

use platform::web::{page, with_notice, AppState, Notice};
use platform::PageResult;
use serde::Deserialize;

use crate::domain::petitions::{timeliness, Channel, PetitionId, PetitionInput, Status, Topic};

use crate::service::petitions::{
    self as service, CaseAssignment, CaseView, Publication, Reply, StepReason,
};
use crate::store::petitions::{Petition, PetitionFilter};

pub(super) const HOME: &str = "/public/petitions";

fn here(id: PetitionId) -> String {
    format!("{HOME}/{id}")
}

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "registered" => "已登记。",
        "assign" => "已受理并交办。",
        "reject" => "已决定不予受理。",
        "draft" => "已保存答复意见，待他人审核签发。",
        "approve" => "答复已签发。",
        "extend" => "办理期限已延长。",
        "publish" => "答复已公开。",
        _ => return None,
    })
}

fn section_name(key: Option<&str>) -> &'static str {
    key.and_then(Section::from_key).map_or("—", Section::label)
}

fn due_cell(p: &Petition) -> Markup {
    let today = platform::time::today();
    html! {
        @if let Some(d) = service::due(p) {
            (show_date(d)) " " span class=(format!("tag due-{:?}", timeliness(d, today)).to_lowercase()) { (timeliness(d, today).label()) }
        } @else { "—" }
    }
}

/// The list's filters as typed (empty means any).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    status: String,
    topic: String,
    open: String,
    q: String,
}

impl ListQuery {
    fn filter(&self) -> PetitionFilter {
        PetitionFilter {
            status: Status::parse(&self.status),
            topic: Topic::parse(&self.topic),
            section: None,
            open: Some(self.open == "true"),
            q: Some(self.q.clone()),
        }
    }
}

pub async fn list(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(lq): Query<ListQuery>,
    notice: Notice,
) -> PageResult {
    let rows = service::list(&s.db, &caller, &lq.filter()).await?;
    let statuses = options(Status::ALL.iter().map(|x| (x.as_str(), x.label())));
    let topics = options(Topic::ALL.iter().map(|x| (x.as_str(), x.label())));
    let body = html! {
        (notice.view(notices))
        p {
            @if service::is_office(&caller) { a href=(format!("{HOME}/new")) { "登记来信来访来电" } " · " }
            a href=(format!("{HOME}/stats")) { "信访统计" } " · " a href="/mailbox/replies" { "答复公开" }
        }
        form.inline method="get" action=(HOME) {
            (select("status", &statuses, &lq.status, Some("全部状态")))
            (select("topic", &topics, &lq.topic, Some("全部类别")))
            input type="search" name="q" value=(lq.q) placeholder="编号、标题或内容";
            label { input type="checkbox" name="open" value="true" checked[lq.open == "true"]; " 仅在办" }
            button type="submit" { "筛选" }
        }
        table #petitions {
            thead { tr { th { "编号" } th { "来源" } th { "类别" } th { "标题" } th { "收到" } th { "承办科室" } th { "状态" } th { "期限" } } }
            tbody { @for p in &rows { tr {
                td { a href=(here(p.id)) { (p.ref_no) } }
                td { (p.channel.label()) } td { (p.topic.label()) } td { (p.subject) }
                td { (show_date(p.received_on)) } td { (section_name(p.section.as_deref())) }
                td { span class=(format!("tag state-{}", p.status.as_str())) { (p.status.label()) } }
                td { (due_cell(p)) }
            } } }
        }
        @if rows.is_empty() { p.muted { "没有符合条件的信访件。" } }
    };
    Ok(page(&actor, "局长信箱与信访", body).into_response())
}

/// The registration form as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewForm {
    channel: String,
    received_by: String,
    received_on: String,
    name: String,
    phone: String,
    id_number: String,
    topic: String,
    subject: String,
    content: String,
}

fn new_form(actor: &Actor, f: &NewForm, r: &Refusal) -> Markup {
    let channels = options(
        Channel::ALL
            .iter()
            .filter(|c| **c != Channel::Online)
            .map(|x| (x.as_str(), x.label())),
    );
    let topics = options(Topic::ALL.iter().map(|x| (x.as_str(), x.label())));
    let e = &r.errors;
    html! {
        (refusal_view(r))
        form.stacked #register method="post" action=(HOME) {
            (csrf_field(actor))
            label for="channel" { "来源" } (select("channel", &channels, &f.channel, Some("请选择"))) (field_error(e, "channel"))
            label for="received_by" { "接待领导（局长接待日）" } input #received_by name="received_by" value=(f.received_by); (field_error(e, "received_by"))
            label for="received_on" { "收到日期" } input #received_on type="date" name="received_on" value=(f.received_on); (field_error(e, "received_on"))
            label for="name" { "信访人姓名" } input #name name="name" value=(f.name); (field_error(e, "name"))
            label for="phone" { "手机号码" } input #phone name="phone" value=(f.phone); (field_error(e, "phone"))
            label for="id_number" { "身份证号（可不填）" } input #id_number name="id_number" value=(f.id_number); (field_error(e, "id_number"))
            label for="topic" { "类别" } (select("topic", &topics, &f.topic, Some("请选择"))) (field_error(e, "topic"))
            label for="subject" { "标题" } input #subject name="subject" value=(f.subject); (field_error(e, "subject"))
            label for="content" { "内容" } textarea #content name="content" rows="6" { (f.content) } (field_error(e, "content"))
            p { button type="submit" { "登记" } }
        }
    }
}

pub async fn new(actor: Actor) -> PageResult {
    Ok(page(
        &actor,
        "登记来信来访来电",
        new_form(&actor, &NewForm::default(), &Refusal::default()),
    )
    .into_response())
}

pub async fn register(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<NewForm>,
) -> PageResult {
    let received_on = f.received_on.trim().parse().ok();
    if received_on.is_none() && !f.received_on.trim().is_empty() {
        let e = platform::AppError::invalid("received_on", "日期格式应为 年-月-日");
        return redisplay(&actor, "登记来信来访来电", e, |r| {
            new_form(&actor, &f, r)
        });
    }
    let input = PetitionInput {
        name: f.name.clone(),
        phone: f.phone.clone(),
        id_number: f.id_number.clone(),
        topic: f.topic.clone(),
        subject: f.subject.clone(),
        content: f.content.clone(),
        channel: f.channel.clone(),
        received_by: f.received_by.clone(),
        received_on,
    };
    match service::register(&s.db, &caller, &input).await {
        Ok((id, _, code)) => Ok(Redirect::to(&format!(
            "{}?notice=registered&code={code}",
            here(id)
        ))
        .into_response()),
        Err(e) => redisplay(&actor, "登记来信来访来电", e, |r| {
            new_form(&actor, &f, r)
        }),
    }
}

fn facts(v: &CaseView) -> Markup {
    let p = &v.petition;
    html! {
        dl.facts #petition-facts {
            dt { "编号" } dd { (p.ref_no) }
            dt { "来源" } dd { (p.channel.label()) @if !p.received_by.is_empty() { "（接待领导：" (p.received_by) "）" } }
            dt { "信访人" } dd #petitioner { (p.name) " · " (p.phone) @if !p.id_number.is_empty() { " · " (p.id_number) } }
            dt { "类别" } dd { (p.topic.label()) }
            dt { "标题" } dd { (p.subject) }
            dt { "内容" } dd #content { @for line in p.content.lines() { (line) br; } }
            dt { "收到日期" } dd { (show_date(p.received_on)) }
            dt { "状态" } dd #status { (p.status.label()) }
            dt { "承办科室" } dd { (section_name(p.section.as_deref())) }
            dt { "期限" } dd { (due_cell(p)) @if p.extended { "（已延期：" (p.extension_reason) "）" } }
            @if !p.reject_reason.is_empty() { dt { "不予受理理由" } dd { (p.reject_reason) } }
            @if !p.reply_text.is_empty() { dt { "答复意见" } dd #reply { (p.reply_text) } }
            @if let Some(s) = p.satisfaction { dt { "信访人评价" } dd { (s.label()) } }
            @if p.published_at.is_some() { dt { "公开" } dd #published { (p.public_subject) } }
        }
    }
}

/// A form posting to one step of the case.
fn step_form(actor: &Actor, id: PetitionId, step: &str, button: &str, fields: Markup) -> Markup {
    html! {
        form.stacked id=(format!("{step}-form")) method="post" action=(format!("{}/{step}", here(id))) {
            (csrf_field(actor))
            (fields)
            p { button type="submit" { (button) } }
        }
    }
}

fn actions(actor: &Actor, caller: &Caller, v: &CaseView) -> Markup {
    let p = &v.petition;
    let office = service::is_office(caller);
    let handles = service::handles(caller, p);
    let sections = options(Section::ALL.iter().map(|s| (s.key(), s.label())));
    let text = |name: &str, label: &str, value: &str| {
        html! {
            label for=(name) { (label) } textarea id=(name) name=(name) rows="4" { (value) }
        }
    };
    html! {
        @if office && p.status == Status::Registered {
            h2 { "受理" }
            (step_form(actor, p.id, "assign", "受理并交办", html! { label for="section" { "承办科室" } (select("section", &sections, "", Some("请选择"))) }))
            (step_form(actor, p.id, "reject", "不予受理", text("reason", "不予受理理由", "")))
        }
        @if handles && matches!(p.status, Status::Accepted | Status::Drafted) {
            h2 { "答复" }
            (step_form(actor, p.id, "draft", "保存答复意见", text("text", "答复意见", &p.reply_text)))
            @if p.status == Status::Drafted { (step_form(actor, p.id, "approve", "审核签发", html! {})) }
            @if !p.extended { (step_form(actor, p.id, "extend", "延长办理期限", text("reason", "延期理由", ""))) }
        }
        @if office && matches!(p.status, Status::Replied | Status::Rated) && p.published_at.is_none() {
            h2 { "公开答复" }
            p.muted { "公开内容中的信访人姓名、电话、身份证号及长串数字将被删除。" }
            (step_form(actor, p.id, "publish", "公开", html! {
                label for="subject" { "公开标题" } input #subject name="subject" value=(p.subject);
                (text("text", "公开内容", &format!("来信：{}\n答复：{}", p.content, p.reply_text)))
            }))
        }
    }
}

fn view(actor: &Actor, caller: &Caller, v: &CaseView, r: &Refusal) -> Markup {
    html! {
        p { a href=(HOME) { "← 局长信箱与信访" } }
        (refusal_view(r))
        (facts(v))
        (actions(actor, caller, v))
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailQuery {
    code: String,
}

pub async fn detail(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<PetitionId>,
    Query(q): Query<DetailQuery>,
    notice: Notice,
) -> PageResult {
    let v = service::detail(&s.db, &caller, id).await?;
    let body = html! {
        (notice.view(notices))
        @if !q.code.is_empty() { p.notice #query-code { "请告知信访人查询码：" strong { (q.code) } "（凭编号和查询码在局长信箱查询答复）" } }
        (view(&actor, &caller, &v, &Refusal::default()))
    };
    Ok(page(&actor, &format!("信访件 {}", v.petition.ref_no), body).into_response())
}

/// Any step's form fields.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    section: String,
    reason: String,
    text: String,
    subject: String,
}

pub async fn step(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, step)): Path<(PetitionId, String)>,
    Form(f): Form<StepForm>,
) -> PageResult {
    let db = &s.db;
    let reason = StepReason {
        reason: f.reason.clone(),
    };
    let done = match step.as_str() {
        "assign" => service::assign(
            db,
            &caller,
            id,
            &CaseAssignment {
                section: f.section.clone(),
            },
        )
        .await
        .map(|_| ()),
        "reject" => service::reject(db, &caller, id, &reason).await.map(|_| ()),
        "draft" => service::draft(
            db,
            &caller,
            id,
            &Reply {
                text: f.text.clone(),
            },
        )
        .await
        .map(|_| ()),
        "approve" => service::approve(db, &caller, id).await.map(|_| ()),
        "extend" => service::extend(db, &caller, id, &reason).await.map(|_| ()),
        "publish" => {
            service::publish(
                db,
                &caller,
                id,
                &Publication {
                    subject: f.subject.clone(),
                    text: f.text.clone(),
                },
            )
            .await
        }
        _ => Err(platform::AppError::NotFound),
    };
    match done {
        Ok(()) => Ok(Redirect::to(&with_notice(&here(id), &step)).into_response()),
        Err(e) => {
            let v = service::detail(db, &caller, id).await?;
            let title = format!("信访件 {}", v.petition.ref_no);
            redisplay(&actor, &title, e, |r| view(&actor, &caller, &v, r))
        }
    }
}
