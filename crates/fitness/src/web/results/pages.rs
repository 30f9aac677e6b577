//! The class results page (班级体测成绩) and one pupil's sheet (录入/修改).

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::vocab::SchoolYear;
use platform::web::forms::{
    csrf_field, field_error, options, redisplay, refusal_view, select, Refusal,
};
use platform::web::{page, AppState};
use platform::{AppError, InstitutionId, PageResult};

use super::{ClassQuery, NewQuery};
use crate::domain::results::template::class_label;
use crate::domain::results::{grade_label, level_label, Field};
use crate::domain::{Measure, Tenths};
use crate::service::results::{self as service, ResultsReader, SheetInput};
use crate::store::results::{sex_of, ClassCount, ClassOf, Raw, RosterRow, Scores};

const TITLE: &str = "体测成绩";

/// "87.5" for a total in tenths; "—" for none.
fn total_text(total: Option<i64>) -> String {
    total.map_or("—".into(), |t| Tenths(t).to_string())
}

fn value_text(field: Field, raw: &Raw) -> String {
    let values = raw.values();
    let k = Field::ALL.iter().position(|f| *f == field).unwrap_or(0);
    values[k].map_or(String::new(), |v| field.format(Measure(v)))
}

/// The fields of a grade for either sex.
fn fields_of_grade(grade: u8) -> Vec<Field> {
    let boys = Field::taken_by(grade, platform::vocab::Sex::Male);
    let girls = Field::taken_by(grade, platform::vocab::Sex::Female);
    Field::ALL
        .into_iter()
        .filter(|f| boys.contains(f) || girls.contains(f))
        .collect()
}

async fn institution_picker(s: &AppState) -> Result<Markup, AppError> {
    let all = (s.institutions)(&s.db).await?;
    let choices = options(all.iter().map(|c| (c.id, c.label())));
    Ok(select("institution", &choices, "", Some("请选择学校")))
}

fn year_form(q: &ClassQuery, picker: Option<Markup>) -> Markup {
    html! {
        form.filters method="get" action="/fitness/classes" {
            @if let Some(p) = picker { label { "学校" (p) } }
            @else if let Some(i) = q.institution { input type="hidden" name="institution" value=(i); }
            label { "学年" input type="number" name="year" value=(q.year().0) min="2000"; }
            button type="submit" { "查看" }
        }
    }
}

fn class_list(
    caller: &Caller,
    csrf: &str,
    q: &ClassQuery,
    institution: InstitutionId,
    classes: &[ClassCount],
) -> Markup {
    html! {
        (year_form(q, None))
        p { (q.year().label()) "，共 " (classes.len()) " 个班级。" }
        table id="fitness-classes" {
            thead { tr { th { "年级" } th { "班级" } th.num { "学生" } th.num { "已测" } th { "" } } }
            tbody { @for c in classes {
                @let link = ClassQuery { institution: Some(institution.0), year: Some(q.year().0), grade: Some(c.grade), class: Some(c.class_name.clone()) }.link();
                tr {
                    td { (grade_label(c.grade as u8)) } td { (c.class_name) }
                    td.num { (c.pupils) } td.num { (c.tested) }
                    td { a href=(format!("/fitness/classes?{link}")) { "查看成绩" } }
                }
            } }
        }
        @if classes.is_empty() { p.muted { "该学年没有在读学生的班级。" } }
        (files_box(caller, csrf, q, institution))
    }
}

fn files_box(caller: &Caller, csrf: &str, q: &ClassQuery, institution: InstitutionId) -> Markup {
    let mut scope = q.clone();
    scope.institution = Some(institution.0);
    let link = scope.link();
    html! {
        h2 { "国家体测数据上报模板" }
        p {
            a.button.secondary href=(format!("/fitness/results/export.xlsx?{link}")) { "导出 Excel（体测成绩导入表）" } " "
            a.button.secondary href=(format!("/fitness/results/export.csv?{link}")) { "导出 CSV" }
        }
        @if caller.role.may(WorkArea::Fitness, Access::Write) {
            p { "导入国家学生体质健康标准数据管理系统“体测成绩导入表”格式的 .xlsx 或 .csv 文件：按学籍号对应本校学生，任何一行有误时不导入任何数据。" }
            form.stacked method="post" enctype="multipart/form-data"
                action=(format!("/fitness/results/import?institution={}&year={}&_csrf={}", institution, q.year().0, csrf)) {
                input type="file" name="file" accept=".xlsx,.csv" required;
                p { button type="submit" { "上传并导入" } }
            }
        }
    }
}

fn roster_view(
    caller: &Caller,
    csrf: &str,
    q: &ClassQuery,
    class: ClassOf<'_>,
    rows: &[RosterRow],
) -> Markup {
    let fields = fields_of_grade(class.grade as u8);
    let writes = caller.role.may(WorkArea::Fitness, Access::Write);
    let back = ClassQuery {
        grade: None,
        class: None,
        ..q.clone()
    }
    .link();
    html! {
        p { a href=(format!("/fitness/classes?{back}")) { "返回班级列表" } }
        p { (SchoolYear(class.year).label()) " " (class_label(class.grade as u8, class.class_name)) "，学生 " (rows.len()) " 人。" }
        table id="fitness-roster" {
            thead { tr {
                th { "姓名" } th { "性别" }
                @for f in &fields { th.num { (f.label()) } }
                th.num { "总分" } th { "等级" } th { "" }
            } }
            tbody { @for r in rows {
                tr {
                    td { (r.student_name) }
                    td { (sex_of(&r.sex_code).label()) }
                    @for f in &fields { td.num { (value_text(*f, &r.raw)) } }
                    td.num { (total_text(r.scores.total)) }
                    td { @if r.exempt == Some(true) { "免测" } @else { (r.scores.level.as_deref().map_or("", level_label)) } }
                    td { @match r.test_id {
                        Some(id) => a href=(format!("/fitness/tests/{id}")) { @if writes { "修改" } @else { "查看" } },
                        None if writes => a href=(format!("/fitness/tests/new?student={}&year={}", r.student_id, class.year)) { "录入" },
                        None => "未测",
                    } }
                }
            } }
        }
        (files_box(caller, csrf, q, class.institution))
    }
}

pub async fn classes(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<ClassQuery>,
) -> PageResult {
    let reader = ResultsReader::of(&s.db, &caller)?;
    let Some(institution) = q.institution(&caller) else {
        let body = year_form(&q, Some(institution_picker(&s).await?));
        return Ok(page(&actor, TITLE, body).into_response());
    };
    let body = match (q.grade, q.class()) {
        (Some(grade), Some(class_name)) => {
            let class = ClassOf {
                institution,
                year: q.year().0,
                grade,
                class_name,
            };
            let rows = reader.roster(class).await?;
            roster_view(&caller, &actor.csrf_token, &q, class, &rows)
        }
        _ => {
            let classes = reader.classes(institution, q.year()).await?;
            class_list(&caller, &actor.csrf_token, &q, institution, &classes)
        }
    };
    Ok(page(&actor, TITLE, body).into_response())
}

/// What the sheet form shows: the pupil, the stored values or what was sent back.
struct SheetView<'a> {
    action: String,
    name: &'a str,
    grade: u8,
    sex: platform::vocab::Sex,
    year: SchoolYear,
    values: BTreeMap<String, String>,
    exempt: bool,
    scores: Option<&'a Scores>,
    back: String,
}

fn sheet_form(actor: &Actor, v: &SheetView<'_>, refusal: &Refusal) -> Markup {
    let writes = actor.may(WorkArea::Fitness, Access::Write);
    html! {
        p { a href=(v.back) { "返回班级成绩" } }
        p { (v.name) "，" (v.sex.label()) "，" (v.year.label()) " " (grade_label(v.grade)) }
        (refusal_view(refusal))
        form.stacked method="post" action=(v.action) {
            (csrf_field(actor))
            label { input type="checkbox" name="exempt" value="1" checked[v.exempt] disabled[!writes]; " 免测（凭医院证明免予测试）" }
            @for f in Field::taken_by(v.grade, v.sex) {
                label {
                    (f.label()) "（" (f.unit()) "）"
                    input type="text" name=(f.column()) value=(v.values.get(f.column()).map_or("", String::as_str)) disabled[!writes];
                    @if let (Some(s), Field::Item(item)) = (v.scores, f) { @if let Some(score) = s.of_item(item) { span.muted { " 得分 " (score) } } }
                    (field_error(&refusal.errors, f.column()))
                }
            }
            @if let Some(s) = v.scores { @if s.total.is_some() {
                p { "BMI " (total_text(s.bmi)) "（" (s.bmi_category.as_deref().unwrap_or("")) "），标准分 " (total_text(s.standard_total)) "，附加分 " (s.bonus.unwrap_or(0)) "，学年总分 " strong { (total_text(s.total)) } "，" (s.level.as_deref().map_or("", level_label)) }
            } }
            @if writes { p { button type="submit" { "保存并评分" } } }
        }
    }
}

fn class_back(institution: i64, year: i64, grade: i64, class_name: &str) -> String {
    let q = ClassQuery {
        institution: Some(institution),
        year: Some(year),
        grade: Some(grade),
        class: Some(class_name.into()),
    };
    format!("/fitness/classes?{}", q.link())
}

pub async fn sheet(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let t = ResultsReader::of(&s.db, &caller)?.test(id).await?;
    let values = Field::ALL
        .iter()
        .map(|f| (f.column().to_string(), value_text(*f, &t.raw)))
        .collect();
    let v = SheetView {
        action: format!("/fitness/tests/{id}"),
        name: &t.student_name,
        grade: t.grade as u8,
        sex: sex_of(&t.sex),
        year: SchoolYear(t.school_year),
        values,
        exempt: t.exempt,
        scores: Some(&t.scores),
        back: class_back(t.institution_id, t.school_year, t.grade, &t.class_name),
    };
    Ok(page(&actor, TITLE, sheet_form(&actor, &v, &Refusal::default())).into_response())
}

pub async fn new_sheet(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<NewQuery>,
) -> PageResult {
    let p = ResultsReader::of(&s.db, &caller)?
        .pupil(q.student, q.year())
        .await?;
    if let Some(id) = p.test_id {
        return Ok(Redirect::to(&format!("/fitness/tests/{id}")).into_response());
    }
    let v = SheetView {
        action: format!("/fitness/tests?student={}&year={}", q.student, q.year().0),
        name: &p.name,
        grade: p.grade as u8,
        sex: sex_of(&p.sex_code),
        year: q.year(),
        values: BTreeMap::new(),
        exempt: false,
        scores: None,
        back: class_back(p.institution_id, q.year().0, p.grade, &p.class_name),
    };
    Ok(page(&actor, TITLE, sheet_form(&actor, &v, &Refusal::default())).into_response())
}

fn input_of(form: &HashMap<String, String>) -> SheetInput {
    SheetInput {
        exempt: form.get("exempt").is_some_and(|v| v == "1" || v == "on"),
        tested_on: None,
        results: Field::ALL
            .iter()
            .filter_map(|f| Some((f.column().to_string(), form.get(f.column())?.clone())))
            .collect(),
    }
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Query(q): Query<NewQuery>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let input = input_of(&form);
    match service::record(&s.db, &caller, q.student, q.year(), &input).await {
        Ok(saved) => Ok(Redirect::to(&format!("/fitness/tests/{}", saved.id)).into_response()),
        Err(e) => {
            let p = ResultsReader::of(&s.db, &caller)?
                .pupil(q.student, q.year())
                .await?;
            let v = SheetView {
                action: format!("/fitness/tests?student={}&year={}", q.student, q.year().0),
                name: &p.name,
                grade: p.grade as u8,
                sex: sex_of(&p.sex_code),
                year: q.year(),
                values: input.results.clone(),
                exempt: input.exempt,
                scores: None,
                back: class_back(p.institution_id, q.year().0, p.grade, &p.class_name),
            };
            redisplay(&actor, TITLE, e, |r| sheet_form(&actor, &v, r))
        }
    }
}

pub async fn save(
    State(s): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> PageResult {
    let input = input_of(&form);
    match service::update(&s.db, &caller, id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/fitness/tests/{id}")).into_response()),
        Err(e) => {
            let t = crate::store::results::test(&s.db, &caller.scope, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let v = SheetView {
                action: format!("/fitness/tests/{id}"),
                name: &t.student_name,
                grade: t.grade as u8,
                sex: sex_of(&t.sex),
                year: SchoolYear(t.school_year),
                values: input.results.clone(),
                exempt: input.exempt,
                scores: None,
                back: class_back(t.institution_id, t.school_year, t.grade, &t.class_name),
            };
            redisplay(&actor, TITLE, e, |r| sheet_form(&actor, &v, r))
        }
    }
}
