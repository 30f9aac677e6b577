//! The notice form as it arrives (multipart: fields and attachments), and
//! the form itself for the bureau and for an institution.

use axum::extract::Multipart;
use maud::{html, Markup};
use platform::auth::Actor;
use platform::web::forms::{field_error, refusal_view, select, Refusal};
use platform::web::upload::upload_failed;
use platform::AppError;

use crate::domain::notices::NoticeInput;
use crate::service::files::Upload;

/// A posted notice: its fields and its non-empty files.
#[derive(Default)]
pub struct Posted {
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

impl Posted {
    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The notice typed: the audience's value comes from the field of the
    /// audience chosen.
    pub fn input(&self) -> NoticeInput {
        let audience = self.get("audience");
        let value_field = match audience.as_str() {
            "category" => "category",
            "township" => "township_id",
            "chosen" => "chosen",
            "grade" => "grade",
            "class" => "class",
            _ => "",
        };
        NoticeInput {
            title: self.get("title"),
            body: self.get("body"),
            audience_value: self.get(value_field),
            audience,
        }
    }

    pub async fn read(mut mp: Multipart) -> Result<Posted, AppError> {
        let mut form = Posted::default();
        while let Some(field) = mp.next_field().await.map_err(upload_failed)? {
            let name = field.name().unwrap_or_default().to_string();
            if name == "file" {
                let file_name = field.file_name().unwrap_or("附件").to_string();
                let bytes = field.bytes().await.map_err(upload_failed)?.to_vec();
                if !bytes.is_empty() {
                    form.files.push(Upload { file_name, bytes });
                }
            } else {
                form.fields
                    .push((name, field.text().await.map_err(upload_failed)?));
            }
        }
        Ok(form)
    }
}

/// The choices of the audience field.
pub struct Choices {
    pub audiences: Vec<(String, String)>,
    pub categories: Vec<(String, String)>,
    pub townships: Vec<(String, String)>,
    pub classes: Vec<(String, String)>,
}

/// The form to send a notice (to institutions, or to parents).
pub fn notice_form(actor: &Actor, c: &Choices, typed: &Posted, r: &Refusal) -> Markup {
    let e = &r.errors;
    let parents = !c.classes.is_empty();
    html! {
        h2 #send { @if parents { "发送家长通知" } @else { "发送通知" } }
        (refusal_view(r))
        form.stacked #notice-form method="post" enctype="multipart/form-data"
            action=(format!("/public/notices?_csrf={}", actor.csrf_token)) {
            label for="title" { "标题" }
            input #title name="title" value=(typed.get("title")) maxlength="100"; (field_error(e, "title"))
            label for="body" { "正文" }
            textarea #body name="body" rows="6" { (typed.get("body")) } (field_error(e, "body"))
            label for="audience" { "发送范围" }
            (select("audience", &c.audiences, &typed.get("audience"), Some("请选择"))) (field_error(e, "audience"))
            @if parents {
                label for="grade" { "年级（按年级发送时）" }
                input #grade name="grade" value=(typed.get("grade")) placeholder="如 3 或 三年级";
                label for="class" { "班级（按班级发送时）" }
                (select("class", &c.classes, &typed.get("class"), Some("请选择")))
            } @else {
                label for="category" { "机构类别（按类别发送时）" }
                (select("category", &c.categories, &typed.get("category"), Some("请选择")))
                label for="township_id" { "乡镇（街道）（按乡镇发送时）" }
                (select("township_id", &c.townships, &typed.get("township_id"), Some("请选择")))
                label for="chosen" { "指定机构编号（逗号分隔）" }
                input #chosen name="chosen" value=(typed.get("chosen"));
            }
            (field_error(e, "audience_value"))
            label for="file" { "附件（PDF、图片、Word、Excel）" }
            input #file name="file" type="file" multiple; (field_error(e, "file"))
            p { button type="submit" { "发送" } }
        }
    }
}
