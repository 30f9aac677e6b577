//! The director's mailbox for visitors without an account (`/mailbox`): the
//! letter form, the receipt with the reference and query code, the
//! follow-up page with the reply and the rating, and the published
//! replies. Forms protect themselves with the double-submit cookie and are
//! throttled per address; each letter form carries its own token so that a
//! retry never makes two letters.

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Form;
use axum_extra::extract::CookieJar;
use inspection::service::evidence::Upload;
use maud::{html, Markup};
use platform::auth::session::random_token;
use platform::auth::ClientIp;
use platform::time::show_date;
use platform::web::forms::{error_summary, field_error, options, select};
use platform::web::upload::upload_failed;
use platform::web::{double_submit, public_page, AppState};
use platform::{AppError, FieldError, PageResult};

use crate::domain::petitions::{
    PetitionInput, Satisfaction, Status, Topic, MAX_CONTENT, MAX_SUBJECT,
};
use crate::service::petitions::public::{self as service, Receipt, MAX_FILES};
use crate::store::petitions::Petition;

/// The largest letter accepted: its files and text.
pub const MAX_BODY: usize = MAX_FILES * service::MAX_FILE_BYTES + 256 * 1024;

/// A form as it arrives, url-encoded or with files.
#[derive(Default)]
pub struct Posted {
    fields: Vec<(String, String)>,
    files: Vec<Upload>,
}

impl Posted {
    fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn input(&self) -> PetitionInput {
        PetitionInput {
            name: self.get("name"),
            phone: self.get("phone"),
            id_number: self.get("id_number"),
            topic: self.get("topic"),
            subject: self.get("subject"),
            content: self.get("content"),
            ..PetitionInput::default()
        }
    }

    async fn read(req: Request<Body>, state: &AppState) -> Result<Posted, AppError> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Form(fields) = Form::<Vec<(String, String)>>::from_request(req, state)
                .await
                .map_err(|_| {
                    AppError::BadRequest("表单内容无法识别，请刷新页面后重新填写".into())
                })?;
            return Ok(Posted {
                fields,
                files: vec![],
            });
        }
        let mut mp = Multipart::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("表单内容无法识别，请刷新页面后重新填写".into()))?;
        let mut posted = Posted::default();
        while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
            let name = field.name().unwrap_or_default().to_string();
            if name == "files" {
                let file_name = field.file_name().unwrap_or("附件").to_string();
                let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
                if !bytes.is_empty() {
                    posted.files.push(Upload { file_name, bytes });
                }
            } else {
                posted
                    .fields
                    .push((name, field.text().await.map_err(upload_failed)?));
            }
        }
        Ok(posted)
    }
}

/// A mailbox page, with the links every page shows.
fn mailbox_page(title: &str, body: Markup) -> Markup {
    public_page(
        title,
        html! {
            (body)
            p.muted.no-print {
                a href="/mailbox" { "写信" } " · " a href="/mailbox/status" { "查询办理情况" } " · "
                a href="/mailbox/replies" { "答复公开" }
            }
        },
    )
}

fn letter_form(token: &str, form_id: &str, p: &Posted, errors: &[FieldError]) -> Markup {
    let topics = options(Topic::ALL.iter().map(|t| (t.as_str(), t.label())));
    html! {
        (error_summary(errors))
        form.stacked #letter method="post" action="/mailbox" enctype="multipart/form-data" {
            input type="hidden" name="_csrf" value=(token);
            input type="hidden" name="form_id" value=(form_id);
            label for="name" { "姓名" } input #name type="text" name="name" maxlength="30" value=(p.get("name")) required; (field_error(errors, "name"))
            label for="phone" { "手机号码" } input #phone type="tel" name="phone" maxlength="11" value=(p.get("phone")) required; (field_error(errors, "phone"))
            label for="id_number" { "身份证号（可不填）" } input #id_number type="text" name="id_number" maxlength="18" value=(p.get("id_number")); (field_error(errors, "id_number"))
            label for="topic" { "类别" } (select("topic", &topics, &p.get("topic"), Some("请选择"))) (field_error(errors, "topic"))
            label for="subject" { "标题" } input #subject type="text" name="subject" maxlength=(MAX_SUBJECT) value=(p.get("subject")) required; (field_error(errors, "subject"))
            label for="content" { "内容（" (MAX_CONTENT) " 字以内）" } textarea #content name="content" rows="8" maxlength=(MAX_CONTENT) required { (p.get("content")) } (field_error(errors, "content"))
            label for="files" { "附件（可选，最多 " (MAX_FILES) " 个，每个 5 MB 以内；PDF、图片、Word、Excel）" }
            input #files type="file" name="files" multiple; (field_error(errors, "files"))
            p.muted { "您的姓名、电话和身份证号仅用于办理本件，只有承办人员可以查看；公开答复时删除全部个人信息。" }
            label { input #consent type="checkbox" name="consent" value="1" checked[!p.get("consent").is_empty()]; " 我已阅读并同意上述个人信息保护说明" }
            (field_error(errors, "consent"))
            p { button type="submit" { "提交" } }
        }
    }
}

pub async fn form(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    let body = html! {
        p { "您可以就招生入学、学籍转学、收费、师德师风、校园安全、学生资助等问题给局长写信。我们将在 15 日内告知是否受理，受理后 60 日内答复。" }
        (letter_form(&token, &random_token(), &Posted::default(), &[]))
    };
    Ok((jar, mailbox_page("局长信箱", body)).into_response())
}

fn receipt(r: &Receipt) -> Markup {
    html! {
        p.notice role="status" { "您的信件已提交。" }
        dl.facts #receipt {
            dt { "信件编号" } dd #ref-no { (r.ref_no) }
            dt { "查询码" } dd #query-code { (r.query_code) }
        }
        p { "请记下编号和查询码：凭二者可查询办理情况、查看答复并评价。查询码只显示这一次。" }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    req: Request<Body>,
) -> PageResult {
    let posted = Posted::read(req, &state).await?;
    double_submit::verify(&jar, &posted.get("_csrf"))?;
    let ip = client.as_deref().and_then(|s| s.parse().ok());
    state.public_limiter.check(ip)?;
    let consent = !posted.get("consent").is_empty();
    let form_id = posted.get("form_id");
    match service::submit(
        &state.db,
        &posted.input(),
        consent,
        &form_id,
        &posted.files,
        ip,
    )
    .await
    {
        Ok(r) => Ok(mailbox_page("信件已提交", receipt(&r)).into_response()),
        Err(AppError::Invalid(errors)) => {
            let body = letter_form(&posted.get("_csrf"), &form_id, &posted, &errors);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                mailbox_page("局长信箱", body),
            )
                .into_response())
        }
        Err(e) => Err(e),
    }
}

fn lookup_form(token: &str, message: Option<&str>) -> Markup {
    html! {
        @if let Some(m) = message { p.alert role="alert" { (m) } }
        form.stacked #lookup method="post" action="/mailbox/status" {
            input type="hidden" name="_csrf" value=(token);
            label for="ref_no" { "信件编号" } input #ref_no type="text" name="ref_no" required;
            label for="code" { "查询码" } input #code type="text" name="code" required;
            p { button type="submit" { "查询" } }
        }
    }
}

pub async fn status_form(State(state): State<AppState>, jar: CookieJar) -> PageResult {
    let (jar, token) = double_submit::issue(jar, state.config.cookie_secure);
    Ok((jar, mailbox_page("查询办理情况", lookup_form(&token, None))).into_response())
}

/// What the writer reads of their case: its stage, the reply once sent, and
/// the rating form until rated.
fn case_view(token: &str, p: &Petition, code: &str, notice: Option<&str>) -> Markup {
    html! {
        @if let Some(n) = notice { p.notice role="status" { (n) } }
        dl.facts #case {
            dt { "信件编号" } dd { (p.ref_no) }
            dt { "标题" } dd { (p.subject) }
            dt { "收到日期" } dd { (show_date(p.received_on)) }
            dt { "办理状态" } dd #status { (p.status.label()) }
            @if p.status == Status::Rejected { dt { "不予受理理由" } dd { (p.reject_reason) } }
            @if matches!(p.status, Status::Replied | Status::Rated) {
                dt { "答复日期" } dd { @if let Some(d) = p.replied_on { (show_date(d)) } }
                dt { "答复意见" } dd #reply { (p.reply_text) }
            }
            @if let Some(s) = p.satisfaction { dt { "您的评价" } dd #rating { (s.label()) } }
        }
        @if p.status == Status::Replied {
            h2 { "评价答复" }
            form.stacked #rate method="post" action="/mailbox/rate" {
                input type="hidden" name="_csrf" value=(token);
                input type="hidden" name="ref_no" value=(p.ref_no);
                input type="hidden" name="code" value=(code);
                @for s in Satisfaction::ALL {
                    label { input type="radio" name="satisfaction" value=(s.as_str()); " " (s.label()) }
                }
                p { button type="submit" { "提交评价" } }
            }
        }
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Lookup {
    _csrf: String,
    ref_no: String,
    code: String,
    satisfaction: String,
}

fn admit_lookup(
    state: &AppState,
    jar: &CookieJar,
    f: &Lookup,
    client: &Option<String>,
) -> Result<Option<std::net::IpAddr>, AppError> {
    double_submit::verify(jar, &f._csrf)?;
    let ip = client.as_deref().and_then(|s| s.parse().ok());
    state.lookup_limiter.check(ip)?;
    Ok(ip)
}

fn not_found(token: &str) -> PageResult {
    let form = lookup_form(token, Some("未找到该信件：请核对信件编号和查询码"));
    Ok((StatusCode::NOT_FOUND, mailbox_page("查询办理情况", form)).into_response())
}

pub async fn status(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<Lookup>,
) -> PageResult {
    admit_lookup(&state, &jar, &f, &client)?;
    match service::follow(&state.db, &f.ref_no, &f.code).await {
        Ok(p) => {
            Ok(mailbox_page("办理情况", case_view(&f._csrf, &p, &f.code, None)).into_response())
        }
        Err(AppError::NotFound) => not_found(&f._csrf),
        Err(e) => Err(e),
    }
}

pub async fn rate(
    State(state): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Form(f): Form<Lookup>,
) -> PageResult {
    let ip = admit_lookup(&state, &jar, &f, &client)?;
    let s = Satisfaction::parse(&f.satisfaction);
    match service::rate(&state.db, &f.ref_no, &f.code, s, ip).await {
        Ok(p) => {
            let view = case_view(&f._csrf, &p, &f.code, Some("感谢您的评价。"));
            Ok(mailbox_page("办理情况", view).into_response())
        }
        Err(AppError::NotFound) => not_found(&f._csrf),
        Err(e @ (AppError::Conflict(_) | AppError::Invalid(_))) => {
            let p = service::follow(&state.db, &f.ref_no, &f.code).await?;
            let message = match &e {
                AppError::Invalid(errors) => errors
                    .first()
                    .map(|x| x.message.clone())
                    .unwrap_or_default(),
                other => other.to_string(),
            };
            let view = html! { p.alert role="alert" { (message) } (case_view(&f._csrf, &p, &f.code, None)) };
            Ok((e.status(), mailbox_page("办理情况", view)).into_response())
        }
        Err(e) => Err(e),
    }
}

pub async fn replies(State(state): State<AppState>) -> PageResult {
    let list = service::published(&state.db).await?;
    let body = html! {
        @if list.is_empty() { p { "暂无公开的答复。" } }
        @for r in &list {
            article.reply {
                h2 { (r.subject) }
                p.muted { (r.ref_no) " · " (r.topic.label()) @if let Some(d) = r.replied_on { " · 答复于 " (show_date(d)) } }
                @for line in r.text.lines() { p { (line) } }
            }
        }
    };
    Ok(mailbox_page("答复公开", body).into_response())
}
