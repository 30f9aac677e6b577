//! The public portal: parents apply without an account, then look up, edit
//! (until the window closes) and appeal with the reference number and the
//! child's ID number.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use maud::{html, Markup};
use platform::auth::ClientIp;
use platform::web::forms::error_summary;
use platform::web::{double_submit, AppState};
use platform::{AppError, PageResult};

mod form;
mod portal;

use crate::domain::RoundId;
use crate::service::applying;
use crate::store::rounds;
use form::{application_form, round_options, FormFields, Offer};
use portal::{policy, portal_page, privacy_notice, receipt};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apply", get(index))
        .route("/apply/{round}", get(form_page).post(submit))
        .route("/apply/status", get(status_form).post(status))
        .route("/apply/privacy", get(privacy))
        .route("/apply/receipt", axum::routing::post(receipt_page))
        .route("/apply/edit", axum::routing::post(edit))
        .route("/apply/appeal", axum::routing::post(appeal))
}

async fn index(State(state): State<AppState>) -> PageResult {
    let now = Utc::now();
    let open: Vec<_> = rounds::list(&state.db)
        .await?
        .into_iter()
        .filter(|r| r.is_open(now))
        .collect();
    let body = html! {
        @if open.is_empty() { p { "目前没有正在报名的招生。" } }
        ul { @for r in &open { li { a href=(format!("/apply/{}", r.id)) { (r.name) } } } }
        p { a href="/apply/status" { "查询、修改报名或查看录取结果" } }
    };
    Ok(portal_page(&state, "义务教育招生网上报名", body)
        .await?
        .into_response())
}

async fn privacy(State(state): State<AppState>) -> PageResult {
    Ok(portal_page(&state, "个人信息保护说明", privacy_notice())
        .await?
        .into_response())
}

/// The application form, below the round's policy and the privacy notice.
fn with_policy(r: &rounds::Round, form: Markup) -> Markup {
    html! {
        (policy(r))
        p.muted { "提交即表示您已阅读" a href="/apply/privacy" { "个人信息保护说明" } "。" }
        (form)
    }
}

async fn form_page(
    State(state): State<AppState>,
    jar: CookieJar,
    Path(round): Path<RoundId>,
) -> PageResult {
    let (r, schools, communities) = round_options(&state, round).await?;
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    let body = application_form(
        &format!("/apply/{round}"),
        &token,
        &Offer {
            max: r.max_choices,
            schools: &schools,
            communities: &communities,
        },
        &FormFields::default(),
        &[],
        false,
    );
    let page = portal_page(
        &state,
        &format!("{} · 网上报名", r.name),
        with_policy(&r, body),
    )
    .await?;
    Ok((jar, page).into_response())
}

/// Lets a parent's change through: the form's own token, and not too many
/// from the same address. The address, for the audit entry.
fn admit(
    state: &AppState,
    jar: &CookieJar,
    f: &FormFields,
    client: &Option<String>,
) -> Result<Option<std::net::IpAddr>, AppError> {
    double_submit::verify(jar, &f._csrf)?;
    let ip = client.as_deref().and_then(|s| s.parse().ok());
    state.public_limiter.check(ip)?;
    Ok(ip)
}

async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Path(round): Path<RoundId>,
    Form(f): Form<FormFields>,
) -> PageResult {
    let ip = admit(&state, &jar, &f, &client)?;
    match applying::submit(&state.db, round, &f.input(), ip).await {
        Ok(ref_no) => {
            let s = applying::status(&state.db, &ref_no, &f.child_id_number).await?;
            let body = html! {
                p.notice.no-print role="status" { "报名已提交。" }
                (receipt(&s))
            };
            Ok(portal_page(&state, "报名成功", body).await?.into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let (r, schools, communities) = round_options(&state, round).await?;
            let body = application_form(
                &format!("/apply/{round}"),
                &f._csrf,
                &Offer {
                    max: r.max_choices,
                    schools: &schools,
                    communities: &communities,
                },
                &f,
                &errors,
                false,
            );
            let title = format!("{} · 网上报名", r.name);
            let page = portal_page(&state, &title, with_policy(&r, body)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

fn lookup_form(token: &str, message: Option<&str>) -> Markup {
    html! {
        @if let Some(m) = message { p.alert role="alert" { (m) } }
        form.stacked method="post" action="/apply/status" {
            input type="hidden" name="_csrf" value=(token);
            label for="ref_no" { "报名号" } input type="text" id="ref_no" name="ref_no" required;
            label for="child_id_number" { "儿童身份证号" } input type="text" id="child_id_number" name="child_id_number" required;
            p { button type="submit" { "查询" } }
        }
    }
}

async fn status_form(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    let page = portal_page(&state, "查询报名与录取结果", lookup_form(&token, None)).await?;
    Ok((jar, page).into_response())
}

async fn show_status(
    state: &AppState,
    token: &str,
    ref_no: &str,
    id_number: &str,
    notice: Option<&str>,
) -> PageResult {
    let s = match applying::status(&state.db, ref_no, id_number).await {
        Ok(s) => s,
        Err(AppError::NotFound) => {
            let form = lookup_form(token, Some("未找到该报名：请核对报名号和儿童身份证号"));
            let page = portal_page(state, "查询报名与录取结果", form).await?;
            return Ok((StatusCode::NOT_FOUND, page).into_response());
        }
        Err(e) => return Err(e),
    };
    let a = &s.application;
    let editable = s.round.is_open(Utc::now());
    let (r, schools, communities) = round_options(state, s.round.id).await?;
    let codes: Vec<String> = s.choices.iter().map(|(c, _)| c.clone()).collect();
    let fields = FormFields {
        _csrf: token.into(),
        child_name: a.child_name.clone(),
        child_id_number: a.child_id_number.clone(),
        guardian_name: a.guardian_name.clone(),
        guardian_phone: a.guardian_phone.clone(),
        community: a.community.clone(),
        hukou_local: a.hukou_local.then(|| "1".into()),
        owns_home: a.owns_home.then(|| "1".into()),
        residence_permit: a.residence_permit.then(|| "1".into()),
        choice1: codes.first().cloned().unwrap_or_default(),
        choice2: codes.get(1).cloned().unwrap_or_default(),
        choice3: codes.get(2).cloned().unwrap_or_default(),
        choice4: codes.get(3).cloned().unwrap_or_default(),
        choice5: codes.get(4).cloned().unwrap_or_default(),
        ref_no: a.ref_no.clone(),
        version: a.version.to_string(),
        reason: String::new(),
    };
    let body = html! {
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        dl.facts {
            dt { "报名号" } dd { (a.ref_no) }
            dt { "招生" } dd { (s.round.name) }
            dt { "儿童" } dd { (a.child_name) }
            dt { "志愿" } dd { @for (i, (_, name)) in s.choices.iter().enumerate() { "第 " (i + 1) " 志愿：" (name) br; } }
            dt { "回执" } dd {
                form.inline method="post" action="/apply/receipt" {
                    input type="hidden" name="_csrf" value=(token);
                    input type="hidden" name="ref_no" value=(a.ref_no);
                    input type="hidden" name="child_id_number" value=(a.child_id_number);
                    button.secondary type="submit" { "打印报名回执" }
                }
            }
            dt { "录取结果" } dd id="result" {
                @match &s.result {
                    Some((Some(school), how)) => { strong { (school) } "（" (how.label()) "）" }
                    Some((None, _)) => { "暂未安排学位，教育局将另行通知" }
                    None => { "尚未公布" }
                }
            }
        }
        @if editable {
            h2 { "修改报名（报名截止前可改）" }
            (application_form("/apply/edit", token, &Offer { max: r.max_choices, schools: &schools, communities: &communities }, &fields, &[], true))
        }
        @for (status, reply) in &s.appeals {
            p.notice { "申诉" (status.parent_label()) @if !reply.is_empty() { "：" (reply) } }
        }
        @if s.round.published_at.is_some() {
            h2 { "对录取结果有异议" }
            form.stacked method="post" action="/apply/appeal" {
                input type="hidden" name="_csrf" value=(token);
                input type="hidden" name="ref_no" value=(a.ref_no);
                input type="hidden" name="child_id_number" value=(a.child_id_number);
                label for="reason" { "申诉理由" } textarea id="reason" name="reason" rows="3" {}
                p { button type="submit" { "提交申诉" } }
            }
        }
    };
    Ok(portal_page(state, "报名信息", body).await?.into_response())
}

/// A look-up by reference and ID: the form's own token, and not too many
/// from the same address, so that nobody can guess their way through.
fn admit_lookup(
    state: &AppState,
    jar: &CookieJar,
    f: &FormFields,
    client: &Option<String>,
) -> Result<(), AppError> {
    double_submit::verify(jar, &f._csrf)?;
    state
        .lookup_limiter
        .check(client.as_deref().and_then(|s| s.parse().ok()))
}

async fn status(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<FormFields>,
) -> PageResult {
    admit_lookup(&state, &jar, &f, &client)?;
    show_status(&state, &f._csrf, &f.ref_no, &f.child_id_number, None).await
}

/// The receipt again, for a parent who looked the application up.
async fn receipt_page(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<FormFields>,
) -> PageResult {
    admit_lookup(&state, &jar, &f, &client)?;
    let s = applying::status(&state.db, &f.ref_no, &f.child_id_number).await?;
    Ok(portal_page(&state, "报名回执", receipt(&s))
        .await?
        .into_response())
}

async fn edit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<FormFields>,
) -> PageResult {
    let ip = admit(&state, &jar, &f, &client)?;
    let version = f.version.trim().parse().unwrap_or(0);
    match applying::edit(
        &state.db,
        &f.ref_no,
        &f.child_id_number,
        version,
        &f.input(),
        ip,
    )
    .await
    {
        Ok(()) => {
            show_status(
                &state,
                &f._csrf,
                &f.ref_no,
                &f.child_id_number,
                Some("已保存修改。"),
            )
            .await
        }
        Err(AppError::Invalid(errors)) => {
            let body =
                html! { (error_summary(&errors)) p { a href="/apply/status" { "返回查询" } } };
            let page = portal_page(&state, "修改报名", body).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn appeal(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<FormFields>,
) -> PageResult {
    let ip = admit(&state, &jar, &f, &client)?;
    applying::appeal(&state.db, &f.ref_no, &f.child_id_number, &f.reason, ip).await?;
    show_status(
        &state,
        &f._csrf,
        &f.ref_no,
        &f.child_id_number,
        Some("申诉已提交，教育局将在 5 个工作日内答复。"),
    )
    .await
}
