//! /open/class/{code}: a class's page for parents (no account): the
//! notices of the school, the grade and the class, and the confirmation of
//! having read one with the pupil's name and the last four characters of
//! the ID number (double-submit token, throttled per address). The page
//! names no pupil.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum_extra::extract::CookieJar;
use maud::{html, Markup};
use platform::auth::ClientIp;
use platform::time::show_minute;
use platform::vocab::Grade;
use platform::web::forms::error_summary;
use platform::web::{double_submit, public_page, AppState};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::notices::NoticeId;
use crate::service::notices::parents;
use crate::store::notices::{ClassLink, ParentNotice};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    _csrf: String,
    notice_id: i64,
    pupil_name: String,
    id_tail: String,
}

fn view(
    code: &str,
    token: &str,
    link: &ClassLink,
    notices: &[ParentNotice],
    done: Option<NoticeId>,
    errors: &[platform::error::FieldError],
) -> Markup {
    let class = format!(
        "{} · {}{}",
        link.institution_name,
        Grade(link.grade).label(),
        link.class_name
    );
    html! {
        p.muted #class-name { (class) }
        (error_summary(errors))
        @if notices.is_empty() { p.muted #no-notices { "暂无通知。" } }
        @for n in notices {
            article.notice id=(format!("notice-{}", n.id)) {
                h2 { (n.title) }
                p.muted { (n.audience_label) " · " (show_minute(n.sent_at)) }
                @for line in n.body.lines() { p { (line) } }
                @if done == Some(n.id) { p.notice role="status" { "已确认阅读，谢谢。" } } @else {
                    form.stacked method="post" action=(format!("/open/class/{code}")) {
                        input type="hidden" name="_csrf" value=(token);
                        input type="hidden" name="notice_id" value=(n.id);
                        label { "学生姓名" input name="pupil_name" maxlength="20"; }
                        label { "学生身份证号后四位" input name="id_tail" maxlength="4" autocomplete="off"; }
                        button type="submit" { "确认已阅读" }
                    }
                }
            }
        }
    }
}

pub async fn page(
    State(s): State<AppState>,
    jar: CookieJar,
    Path(code): Path<String>,
) -> PageResult {
    let (link, notices) = parents::class_page(&s.db, &code).await?;
    let (jar, token) = double_submit::issue(jar, s.config.cookie_secure);
    let body = view(&code, &token, &link, &notices, None, &[]);
    Ok((jar, public_page("班级通知", body)).into_response())
}

pub async fn confirm(
    State(s): State<AppState>,
    jar: CookieJar,
    ClientIp(client): ClientIp,
    Path(code): Path<String>,
    Form(f): Form<ConfirmForm>,
) -> PageResult {
    double_submit::verify(&jar, &f._csrf)?;
    let ip = client.as_deref().and_then(|s| s.parse().ok());
    s.lookup_limiter.check(ip)?;
    let id = NoticeId(f.notice_id);
    let result = parents::confirm(&s.db, &code, id, &f.pupil_name, &f.id_tail).await;
    let (link, notices) = parents::class_page(&s.db, &code).await?;
    match result {
        Ok(()) => {
            let body = view(&code, &f._csrf, &link, &notices, Some(id), &[]);
            Ok(public_page("班级通知", body).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let body = view(&code, &f._csrf, &link, &notices, None, &errors);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                public_page("班级通知", body),
            )
                .into_response())
        }
        Err(e) => Err(e),
    }
}
