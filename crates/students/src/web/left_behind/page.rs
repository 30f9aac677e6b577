//! The archive page: the archive form and the care records.

use axum::extract::{Form, Path, State};
use axum::response::IntoResponse;
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, field_error, refusal_view, Refusal};
use platform::web::{page, AppState, Notice};
use platform::{AppError, FieldError, PageResult};

use crate::domain::Grade;
use crate::reader::StudentsReader;
use crate::service::left_behind::{self as service, ArchiveView, CareInput};
use crate::service::today;
use crate::store::left_behind::Archive;
use crate::store::students::StudentId;
use crate::web::forms;

fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "saved" => "已保存档案。",
        "care" => "已登记关爱记录。",
        _ => return None,
    })
}

/// Values typed into a refused form.
#[derive(Default)]
pub struct Typed {
    archive: Option<Archive>,
    care: CareInput,
}

fn text_field(name: &str, label: &str, value: &str, errors: &[FieldError]) -> Markup {
    html! {
        label for=(name) { (label) }
        input type="text" id=(name) name=(name) value=(value);
        (field_error(errors, name))
    }
}

fn area_field(name: &str, label: &str, value: &str, errors: &[FieldError]) -> Markup {
    html! {
        label for=(name) { (label) }
        textarea id=(name) name=(name) rows="4" { (value) }
        (field_error(errors, name))
    }
}

/// The archive page; `notice` after a save, `t` and `r` after a refused form.
pub fn view(actor: &Actor, v: &ArchiveView, notice: &Notice, t: &Typed, r: &Refusal) -> Markup {
    let s = &v.student;
    let a = t.archive.as_ref().unwrap_or(&v.archive);
    let e = &r.errors;
    let cared_on = if t.care.cared_on.is_empty() {
        today().to_string()
    } else {
        t.care.cared_on.clone()
    };
    html! {
        (notice.view(notices))
        (refusal_view(r))
        p.muted { "本档案含未成年人家庭和心理信息，仅局领导、基教科和本校可见；每次查看和修改均记入审计日志。" }
        dl.facts {
            dt { "学生" } dd { (s.name) }
            dt { "留守类型" } dd { (s.left_behind_label) }
            dt { "就读学校" } dd { (s.institution_name.as_deref().unwrap_or("—")) }
            dt { "年级班级" } dd { (s.grade.map(|g| Grade(g).label()).unwrap_or("—")) " " (s.class_name.as_deref().unwrap_or("")) }
            dt { "档案更新时间" } dd { (v.updated_at.map(platform::time::show_minute).unwrap_or_else(|| "尚未建档".into())) }
        }
        h2 { "档案" }
        form.stacked method="post" action=(format!("/students/{}/left-behind", s.id)) {
            (csrf_field(actor))
            (text_field("guardian", "实际监护人", &a.guardian, e))
            (text_field("guardian_relation", "与学生关系", &a.guardian_relation, e))
            (text_field("guardian_phone", "监护人电话", &a.guardian_phone, e))
            (text_field("parents_whereabouts", "父母外出去向", &a.parents_whereabouts, e))
            (area_field("family_situation", "家庭情况", &a.family_situation, e))
            (area_field("psychological_notes", "心理状况", &a.psychological_notes, e))
            p { button type="submit" { "保存档案" } }
        }
        h2 { "关爱记录" }
        table id="care-records" {
            thead { tr { th { "日期" } th { "关爱人" } th { "内容" } } }
            tbody { @for c in &v.care_records { tr { td { (c.cared_on) } td { (c.carer) } td { (c.content) } } } }
        }
        @if v.care_records.is_empty() { p.muted { "尚无关爱记录。" } }
        form.stacked method="post" action=(format!("/students/{}/left-behind/care", s.id)) {
            (csrf_field(actor))
            label for="cared_on" { "关爱日期" }
            input type="date" id="cared_on" name="cared_on" value=(cared_on);
            (field_error(e, "cared_on"))
            (text_field("carer", "关爱人", &t.care.carer, e))
            (area_field("content", "关爱内容", &t.care.content, e))
            p { button type="submit" { "登记关爱记录" } }
        }
    }
}

fn title(v: &ArchiveView) -> String {
    format!("留守儿童档案：{}", v.student.name)
}

pub async fn show(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
    notice: Notice,
) -> PageResult {
    let v = StudentsReader::of(&state.db, &caller)?.archive(id).await?;
    let body = view(&actor, &v, &notice, &Typed::default(), &Refusal::default());
    Ok(page(&actor, &title(&v), body).into_response())
}

/// After a submission: back to the archive with `notice`, or the page
/// again with the errors and the values typed.
async fn answer<T>(
    state: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: StudentId,
    saved: Result<T, AppError>,
    notice: &str,
    typed: Typed,
) -> PageResult {
    let reader = StudentsReader::of(&state.db, caller)?;
    let back = format!("/students/{id}/left-behind");
    forms::answer(
        actor,
        saved,
        (&back, notice),
        reader.archive(id),
        title,
        |v, r| view(actor, v, &Notice::default(), &typed, r),
    )
    .await
}

pub async fn save(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
    Form(a): Form<Archive>,
) -> PageResult {
    let saved = service::save(&state.db, &caller, id, &a).await;
    let typed = Typed {
        archive: Some(a),
        ..Default::default()
    };
    answer(&state, &actor, &caller, id, saved, "saved", typed).await
}

pub async fn add_care(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<StudentId>,
    Form(c): Form<CareInput>,
) -> PageResult {
    let saved = service::add_care(&state.db, &caller, id, &c).await;
    let typed = Typed {
        care: c,
        ..Default::default()
    };
    answer(&state, &actor, &caller, id, saved, "care", typed).await
}
