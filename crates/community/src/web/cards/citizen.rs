//! The citizen's pages under `/card/`, readable on a phone (360 px):
//! online registration, sign-in, the own page with hours, credits,
//! certificates, enrolments and the sessions open for enrolment.

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use platform::auth::ClientIp;
use platform::web::forms::{error_summary, select};
use platform::web::{double_submit, public_page, with_notice, AppState, Notice};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::holder::{address, cookie, removal, Holder};
use super::notices;
use crate::domain::cards::CardInput;
use crate::service::cards::{self as service, citizen};
use crate::store::cards::mine::SessionLine;

/// Styles of the citizen's pages: one column, nothing wider than a phone.
const STYLE: &str = "main{max-width:40rem;margin:0 auto;padding:0 .75rem}\
    ul.sessions{list-style:none;padding:0}ul.sessions li{border:1px solid #ccd;border-radius:6px;\
    padding:.5rem .75rem;margin:.5rem 0}ul.sessions form{display:inline}\
    dl.card{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem}\
    form.stacked input,form.stacked select{width:100%;box-sizing:border-box}";

/// A citizen's page: the portal's shell, the styles and links.
fn citizen_page(title: &str, signed_in: bool, body: Markup) -> Markup {
    public_page(
        title,
        html! {
            style { (maud::PreEscaped(STYLE)) }
            p.muted { "市民终身学习卡" }
            (body)
            p.muted {
                @if signed_in { a href="/card/me" { "我的学习卡" } } @else {
                    a href="/card/login" { "登录" } " · " a href="/card/register" { "网上办卡" }
                }
            }
        },
    )
}

fn alert(message: Option<&str>) -> Markup {
    html! { @if let Some(m) = message { p.alert role="alert" { (m) } } }
}

/// A refusal on a citizen's form: its status and what the form shows.
fn refusal(e: AppError) -> Result<(StatusCode, Vec<FieldError>, Option<String>), AppError> {
    Ok(match e {
        AppError::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        AppError::Conflict(m) => (StatusCode::CONFLICT, vec![], Some(m)),
        AppError::BadRequest(m) => (StatusCode::UNAUTHORIZED, vec![], Some(m)),
        AppError::TooManyRequests(m) => (StatusCode::TOO_MANY_REQUESTS, vec![], Some(m)),
        other => return Err(other),
    })
}

pub async fn index() -> Redirect {
    Redirect::to("/card/me")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterFields {
    _csrf: String,
    #[serde(flatten)]
    input: CardInput,
    confirm: String,
}

async fn register_view(
    state: &AppState,
    token: &str,
    f: &RegisterFields,
    errors: &[FieldError],
    message: Option<&str>,
) -> Result<Markup, AppError> {
    let towns: Vec<(String, String)> = platform::district::townships(&state.db)
        .await?
        .into_iter()
        .map(|t| (t.id.0.to_string(), t.name))
        .collect();
    let i = &f.input;
    let body = html! {
        (alert(message))
        (error_summary(errors))
        form.stacked #register method="post" action="/card/register" {
            input type="hidden" name="_csrf" value=(token);
            label for="name" { "姓名" } input #name type="text" name="name" value=(i.name) required;
            label for="id_number" { "身份证号" } input #id_number type="text" name="id_number" value=(i.id_number) required autocomplete="off";
            label for="phone" { "手机号" } input #phone type="tel" name="phone" value=(i.phone) required;
            label for="township_id" { "所在街道（镇）" } (select("township_id", &towns, &i.township_id, Some("请选择")))
            label for="community" { "社区（村）" } input #community type="text" name="community" value=(i.community);
            label for="password" { "设置密码（至少 8 位，含字母和数字）" } input #password type="password" name="password" required;
            label for="confirm" { "确认密码" } input #confirm type="password" name="confirm" required;
            p.muted { "性别和出生日期按身份证号登记。网上办理的学习卡在首次上课签到时核验身份。" }
            p { button type="submit" { "办理学习卡" } }
        }
    };
    Ok(citizen_page("网上办理学习卡", false, body))
}

pub async fn register_form(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    let page = register_view(&state, &token, &RegisterFields::default(), &[], None).await?;
    Ok((jar, page).into_response())
}

pub async fn register(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<RegisterFields>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    let ip = address(&client);
    state.public_limiter.check(ip)?;
    let result = if f.input.password != f.confirm {
        Err(AppError::invalid("confirm", "两次输入的密码不一致"))
    } else {
        citizen::register_online(&state.db, &f.input, ip).await
    };
    match result {
        Ok(card_no) => {
            let body = html! {
                p.notice role="status" { (notices("registered").unwrap_or_default()) }
                dl.card { dt { "学习卡号" } dd #card-no { strong { (card_no) } } }
                p { a href="/card/login" { "去登录" } }
            };
            Ok(citizen_page("办卡成功", false, body).into_response())
        }
        Err(e) => {
            let (status, errors, message) = refusal(e)?;
            let page = register_view(&state, &f._csrf, &f, &errors, message.as_deref()).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginFields {
    _csrf: String,
    name: String,
    password: String,
}

fn login_view(token: &str, name: &str, message: Option<&str>) -> Markup {
    let body = html! {
        (alert(message))
        form.stacked #card-login method="post" action="/card/login" {
            input type="hidden" name="_csrf" value=(token);
            label for="name" { "学习卡号或手机号" } input #name type="text" name="name" value=(name) required;
            label for="password" { "密码" } input #password type="password" name="password" required;
            p { button type="submit" { "登录" } }
        }
        p.muted { "忘记密码请带身份证到社区学校重置。" }
    };
    citizen_page("学习卡登录", false, body)
}

pub async fn login_form(
    State(state): State<AppState>,
    jar: CookieJar,
    notice: Notice,
) -> PageResult {
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    let page = login_view(&token, "", notice.text(notices));
    Ok((jar, page).into_response())
}

pub async fn login(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<LoginFields>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    let ip = address(&client);
    state.public_limiter.check(ip)?;
    match citizen::sign_in(&state.db, &state.login_throttle, &f.name, &f.password, ip).await {
        Ok(token) => {
            let jar = jar.add(cookie(token, state.config.cookie_secure));
            Ok((jar, Redirect::to("/card/me")).into_response())
        }
        Err(e) => {
            let (status, _, message) = refusal(e)?;
            Ok((status, login_view(&f._csrf, &f.name, message.as_deref())).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActionFields {
    _csrf: String,
    session_id: i64,
}

pub async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
    Form(f): Form<ActionFields>,
) -> PageResult {
    if let Some(h) = Holder::of(&state, &jar).await? {
        h.check(&f._csrf)?;
        citizen::sign_out(&state.db, &h.token).await?;
    }
    let jar = jar.remove(removal());
    Ok((jar, Redirect::to(&with_notice("/card/login", "signed_out"))).into_response())
}

fn session_line(s: &SessionLine, token: &str, action: Option<(&str, &str)>) -> Markup {
    html! {
        li data-session=(s.session_id) {
            strong { (s.title) } br;
            span.muted { (s.course_title) " · " (s.institution_name) @if !s.place.is_empty() { " · " (s.place) } } br;
            (s.first_day) " 至 " (s.last_day) " · 已报 " (s.enrolled) "/" (s.capacity)
            @if let Some((path, label)) = action {
                form method="post" action=(path) {
                    input type="hidden" name="_csrf" value=(token);
                    input type="hidden" name="session_id" value=(s.session_id);
                    " " button type="submit" { (label) }
                }
            }
        }
    }
}

fn hours(minutes: i64) -> String {
    format!("{:.1}", minutes as f64 / 60.0)
}

async fn me_page(
    state: &AppState,
    h: &Holder,
    message: Option<&str>,
    notice: Option<&str>,
) -> Result<Markup, AppError> {
    let p = citizen::my_page(&state.db, h.session.card_id).await?;
    let c = &p.card;
    let token = &h.session.csrf_token;
    let current: Vec<&SessionLine> = p
        .enrolments
        .iter()
        .filter(|e| e.status.as_deref() == Some("enrolled"))
        .collect();
    let open: Vec<&SessionLine> = p
        .open
        .iter()
        .filter(|s| s.status.as_deref() != Some("enrolled"))
        .collect();
    let body = html! {
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        (alert(message))
        dl.card #my-card {
            dt { "姓名" } dd { (c.name) }
            dt { "卡号" } dd #card-no { (c.card_no) }
            dt { "街道（镇）" } dd { (c.township_name) " " (c.community) }
            dt { "身份核验" } dd { @if let Some(d) = c.verified_on { "已核验（" (d) "）" } @else { "待首次上课时核验" } }
            dt { "学习时长" } dd #hours { (hours(c.minutes)) " 小时" }
            dt { "学分" } dd #credits { (format!("{:.1}", c.credits_tenths as f64 / 10.0)) }
        }
        h2 { "我的报名" }
        @if current.is_empty() { p.muted #no-enrolments { "暂无报名。" } }
        ul.sessions #my-enrolments { @for s in &current { (session_line(s, token, Some(("/card/cancel", "取消报名")))) } }
        h2 { "可报名的课程" }
        @if open.is_empty() { p.muted { "暂无可报名的班次。" } }
        ul.sessions #open-sessions { @for s in &open { (session_line(s, token, Some(("/card/enrol", "报名")))) } }
        h2 { "我的证书" }
        @if p.certificates.is_empty() { p.muted { "暂无证书。" } }
        ul #certificates { @for cert in &p.certificates { li { (cert.title) "（" (cert.number) "，" (cert.issued_on) "）" } } }
        form method="post" action="/card/logout" {
            input type="hidden" name="_csrf" value=(token);
            button.secondary type="submit" { "退出登录" }
        }
    };
    Ok(citizen_page("我的学习卡", true, body))
}

pub async fn me(State(state): State<AppState>, jar: CookieJar, notice: Notice) -> PageResult {
    let Some(h) = Holder::of(&state, &jar).await? else {
        return Ok(Redirect::to("/card/login").into_response());
    };
    Ok(me_page(&state, &h, None, notice.text(notices))
        .await?
        .into_response())
}

async fn act(
    state: AppState,
    jar: CookieJar,
    client: Option<String>,
    f: ActionFields,
    enrol: bool,
) -> PageResult {
    let Some(h) = Holder::of(&state, &jar).await? else {
        return Ok(Redirect::to("/card/login").into_response());
    };
    h.check(&f._csrf)?;
    let who = citizen::holder(Some(h.session.card_id), address(&client));
    let done = if enrol {
        service::enrol(&state.db, &who, h.session.card_id, f.session_id).await
    } else {
        service::cancel(&state.db, &who, h.session.card_id, f.session_id).await
    };
    match done {
        Ok(()) => {
            let key = if enrol { "enrolled" } else { "cancelled" };
            Ok(Redirect::to(&with_notice("/card/me", key)).into_response())
        }
        Err(e) => {
            let (status, _, message) = refusal(e)?;
            Ok((status, me_page(&state, &h, message.as_deref(), None).await?).into_response())
        }
    }
}

pub async fn enrol(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<ActionFields>,
) -> PageResult {
    act(state, jar, client, f, true).await
}

pub async fn cancel(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<ActionFields>,
) -> PageResult {
    act(state, jar, client, f, false).await
}
