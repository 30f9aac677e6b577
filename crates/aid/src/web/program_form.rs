//! 资助项目表单: the bureau defines and changes programs on a page — stages
//! with their amounts, conditions, incompatible programs, budget and
//! documents — with the same validation as the API.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use maud::{html, Markup};
use platform::auth::{Actor, Caller};
use platform::web::forms::{csrf_field, error_summary, select};
use platform::web::{page, AppState};
use platform::{AppError, FieldError, PageResult};

use crate::domain::program::money_text;
use crate::domain::{
    AmountInput, Condition, ConditionInput, Flag, Ownership, Period, ProgramDef, ProgramInput,
    Stage, UrbanRural,
};
use crate::service::programs as service;
use crate::store::{self, Program};

/// A submitted form: repeated keys (check boxes) arrive as separate pairs.
pub type Pairs = Vec<(String, String)>;

pub(super) fn all<'a>(pairs: &'a Pairs, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    pairs
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

pub(super) fn one(pairs: &Pairs, key: &str) -> String {
    all(pairs, key).next().unwrap_or("").to_string()
}

/// The program a form describes, and the version it was edited from.
pub fn input_of(pairs: &Pairs) -> (ProgramInput, Option<i64>) {
    let mut amounts = Vec::new();
    for s in Stage::ALL {
        let v = one(pairs, &format!("amount_{}", s.key()));
        if !v.is_empty() {
            amounts.push(AmountInput {
                stage: s.key().into(),
                amount: serde_json::Value::String(v),
            });
        }
    }
    let mut conditions = Vec::new();
    for f in Flag::ALL {
        let required = match one(pairs, &format!("flag_{}", f.key())).as_str() {
            "required" => Some(true),
            "forbidden" => Some(false),
            _ => continue,
        };
        conditions.push(ConditionInput {
            kind: "flag".into(),
            flag: Some(f.key().into()),
            required,
            ..Default::default()
        });
    }
    let list = |key: &str| all(pairs, key).map(String::from).collect::<Vec<_>>();
    if !list("any_flag").is_empty() {
        conditions.push(ConditionInput {
            kind: "any_flag".into(),
            flags: list("any_flag"),
            ..Default::default()
        });
    }
    for kind in ["urban_rural", "ownership"] {
        if !list(kind).is_empty() {
            conditions.push(ConditionInput {
                kind: kind.into(),
                values: list(kind),
                ..Default::default()
            });
        }
    }
    let budget = one(pairs, "budget");
    let input = ProgramInput {
        name: one(pairs, "name"),
        funding_source: one(pairs, "funding_source"),
        period: one(pairs, "period"),
        stages: amounts.iter().map(|a| a.stage.clone()).collect(),
        amounts,
        conditions,
        incompatible_with: all(pairs, "incompatible_with")
            .filter_map(|v| v.parse().ok())
            .collect(),
        budget: (!budget.is_empty()).then_some(serde_json::Value::String(budget)),
        needs_application: one(pairs, "needs_application") == "on",
        documents: one(pairs, "documents")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        active: one(pairs, "active") == "on",
    };
    (input, one(pairs, "version").parse().ok())
}

/// A stored condition as the form (and the API) submits it.
fn condition_input(c: &Condition) -> ConditionInput {
    let keys = |v: Vec<&str>| v.into_iter().map(String::from).collect();
    match c {
        Condition::Flag { flag, required } => ConditionInput {
            kind: "flag".into(),
            flag: Some(flag.key().into()),
            required: Some(*required),
            ..Default::default()
        },
        Condition::AnyFlag { flags } => ConditionInput {
            kind: "any_flag".into(),
            flags: keys(flags.iter().map(|f| f.key()).collect()),
            ..Default::default()
        },
        Condition::UrbanRural { values } => ConditionInput {
            kind: "urban_rural".into(),
            values: keys(values.iter().map(|v| v.key()).collect()),
            ..Default::default()
        },
        Condition::Ownership { values } => ConditionInput {
            kind: "ownership".into(),
            values: keys(values.iter().map(|v| v.key()).collect()),
            ..Default::default()
        },
    }
}

/// The form's values as a stored program has them.
fn input_from(def: &ProgramDef) -> ProgramInput {
    let conditions = def.conditions.iter().map(condition_input).collect();
    ProgramInput {
        name: def.name.clone(),
        funding_source: def.funding_source.clone(),
        period: def.period.key().into(),
        stages: def.stages.iter().map(|s| s.key().into()).collect(),
        amounts: def
            .amounts
            .iter()
            .map(|(s, f)| AmountInput {
                stage: s.key().into(),
                amount: serde_json::Value::String(f.yuan()),
            })
            .collect(),
        conditions,
        incompatible_with: def.incompatible_with.clone(),
        budget: (def.budget.0 > 0).then(|| serde_json::Value::String(def.budget.yuan())),
        needs_application: def.needs_application,
        documents: def.documents.clone(),
        active: def.active,
    }
}

struct FormView<'a> {
    action: String,
    input: &'a ProgramInput,
    version: Option<i64>,
    errors: &'a [FieldError],
    /// Other programs, for "cannot be combined with".
    others: Vec<&'a Program>,
}

fn form(actor: &Actor, v: FormView) -> Markup {
    let i = v.input;
    let periods: Vec<(String, String)> = Period::ALL
        .iter()
        .map(|p| (p.key().into(), p.label().into()))
        .collect();
    let amount = |s: Stage| {
        i.amounts
            .iter()
            .find(|a| Stage::parse(&a.stage) == Some(s))
            .map(|a| money_text(&a.amount))
            .unwrap_or_default()
    };
    let flag_rule = |f: Flag| {
        i.conditions
            .iter()
            .find(|c| c.kind == "flag" && c.flag.as_deref().and_then(Flag::parse) == Some(f))
            .and_then(|c| c.required)
    };
    let listed = |kind: &str, key: &str| {
        i.conditions
            .iter()
            .filter(|c| c.kind == kind)
            .any(|c| c.flags.iter().chain(&c.values).any(|x| x == key))
    };
    html! {
        (error_summary(v.errors))
        form.stacked method="post" action=(v.action) id="program-form" {
            (csrf_field(actor))
            @if let Some(ver) = v.version { input type="hidden" name="version" value=(ver); }
            div.field { label for="name" { "项目名称" } input type="text" id="name" name="name" required value=(i.name); }
            div.field { label for="funding_source" { "资金来源" } input type="text" id="funding_source" name="funding_source" value=(i.funding_source) placeholder="如：中央和地方财政"; }
            div.field { label for="period" { "发放周期" } (select("period", &periods, &i.period, Some("请选择"))) }
            fieldset {
                legend { "补助标准（元/人/周期；不适用的学段留空）" }
                @for s in Stage::ALL {
                    label { (s.label()) " " input type="text" inputmode="decimal" name=(format!("amount_{}", s.key())) value=(amount(s)) size="8"; }
                }
            }
            fieldset {
                legend { "学生类别条件" }
                table {
                    thead { tr { th { "类别" } th { "要求" } th { "至少具备其一" } } }
                    tbody { @for f in Flag::ALL { tr {
                        td { (f.label()) }
                        td { select name=(format!("flag_{}", f.key())) {
                            option value="" selected[flag_rule(f).is_none()] { "不限" }
                            option value="required" selected[flag_rule(f) == Some(true)] { "须具备" }
                            option value="forbidden" selected[flag_rule(f) == Some(false)] { "须不具备" }
                        } }
                        td { input type="checkbox" name="any_flag" value=(f.key()) checked[listed("any_flag", f.key())]; }
                    } } }
                }
            }
            fieldset {
                legend { "学校所在地（不选为不限）" }
                @for u in UrbanRural::ALL { label { input type="checkbox" name="urban_rural" value=(u.key()) checked[listed("urban_rural", u.key())]; (u.label()) } }
            }
            fieldset {
                legend { "学校举办性质（不选为不限）" }
                @for o in Ownership::ALL { label { input type="checkbox" name="ownership" value=(o.key()) checked[listed("ownership", o.key())]; (o.label()) } }
            }
            @if !v.others.is_empty() {
                fieldset {
                    legend { "不可同时享受的项目" }
                    @for p in &v.others { label { input type="checkbox" name="incompatible_with" value=(p.id) checked[i.incompatible_with.contains(&p.id)]; (p.def.name) } }
                }
            }
            div.field { label for="budget" { "每学年预算（元，留空为不设）" } input type="text" inputmode="decimal" id="budget" name="budget" value=(i.budget.as_ref().map(money_text).unwrap_or_default()); }
            div.field { label { input type="checkbox" name="needs_application" checked[i.needs_application]; "需个人申请（学校审核、教育局审批后发放）" } }
            div.field { label for="documents" { "申请材料（每行一项）" } textarea id="documents" name="documents" rows="3" { (i.documents.join("\n")) } }
            div.field { label { input type="checkbox" name="active" checked[i.active]; "启用" } }
            button type="submit" { "保存" }
        }
    }
}

/// What a program page shows around the form.
struct Screen<'a> {
    title: &'a str,
    action: String,
    /// The program being edited (left out of "cannot be combined with").
    current: Option<i64>,
    input: &'a ProgramInput,
    version: Option<i64>,
    errors: &'a [FieldError],
    status: StatusCode,
}

async fn render(s: &AppState, actor: &Actor, v: Screen<'_>) -> PageResult {
    let status = v.status;
    let programs = store::programs::list(&s.db).await?;
    let body = form(
        actor,
        FormView {
            action: v.action,
            input: v.input,
            version: v.version,
            errors: v.errors,
            others: programs
                .iter()
                .filter(|p| Some(p.id) != v.current)
                .collect(),
        },
    );
    Ok((status, page(actor, v.title, body)).into_response())
}

pub async fn new(State(s): State<AppState>, actor: Actor) -> PageResult {
    crate::service::bureau_writer(&s.db, &Caller::from(&actor))?;
    let blank = ProgramInput {
        period: "year".into(),
        active: true,
        ..Default::default()
    };
    let screen = Screen {
        title: "新增资助项目",
        action: "/aid/programs".into(),
        current: None,
        input: &blank,
        version: None,
        errors: &[],
        status: StatusCode::OK,
    };
    render(&s, &actor, screen).await
}

/// The form's own check before the service's: amounts are the stages.
fn form_errors(input: &ProgramInput) -> Vec<FieldError> {
    if input.amounts.is_empty() {
        vec![FieldError::new("amounts", "请至少填写一个学段的补助标准")]
    } else {
        vec![]
    }
}

/// The status and messages of a refused form: its field errors, or the
/// conflict that stopped it as one message. Anything else is not the
/// form's to show.
pub(super) fn refused(e: AppError) -> Result<(StatusCode, Vec<FieldError>), AppError> {
    match e {
        AppError::Invalid(errors) => Ok((StatusCode::UNPROCESSABLE_ENTITY, errors)),
        AppError::Conflict(msg) => Ok((StatusCode::CONFLICT, vec![FieldError::new("", msg)])),
        other => Err(other),
    }
}

/// The status and messages a refused save shows above the form again; a
/// version conflict says that the form still holds what was typed.
fn refusal(e: AppError) -> Result<(StatusCode, Vec<FieldError>), AppError> {
    let (status, mut errors) = refused(e)?;
    if status == StatusCode::CONFLICT {
        errors.push(FieldError::new(
            "version",
            "您填写的内容仍保留在下方；核对后再次保存将以此为准。",
        ));
    }
    Ok((status, errors))
}

pub async fn create(
    State(s): State<AppState>,
    actor: Actor,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    // The bureau-only answer comes before any check of the form.
    crate::service::bureau_writer(&s.db, &Caller::from(&actor))?;
    let (input, _) = input_of(&pairs);
    let saved = match form_errors(&input) {
        e if e.is_empty() => service::create(&s.db, &Caller::from(&actor), &input).await,
        e => Err(AppError::Invalid(e)),
    };
    match saved {
        Ok(p) => Ok(Redirect::to(&format!("/aid/programs/{}", p.id)).into_response()),
        Err(e) => {
            let (status, errors) = refusal(e)?;
            let screen = Screen {
                title: "新增资助项目",
                action: "/aid/programs".into(),
                current: None,
                input: &input,
                version: None,
                errors: &errors,
                status,
            };
            render(&s, &actor, screen).await
        }
    }
}

/// Whether the form can show a program's conditions: one group of each
/// kind. Programs defined through the API with several "至少具备其一"
/// groups would be merged into one by the form, so they are changed there.
fn fits_form(def: &ProgramDef) -> bool {
    let count = |kind: fn(&Condition) -> bool| def.conditions.iter().filter(|c| kind(c)).count();
    count(|c| matches!(c, Condition::AnyFlag { .. })) <= 1
        && count(|c| matches!(c, Condition::UrbanRural { .. })) <= 1
        && count(|c| matches!(c, Condition::Ownership { .. })) <= 1
}

pub async fn edit(State(s): State<AppState>, actor: Actor, Path(id): Path<i64>) -> PageResult {
    let caller = Caller::from(&actor);
    crate::service::bureau_writer(&s.db, &caller)?;
    let p = service::get(&s.db, &caller, id).await?;
    let title = format!("修改资助项目：{}", p.def.name);
    if !fits_form(&p.def) {
        let body = maud::html! {
            p.alert role="alert" { "该项目有多组“至少具备其一”等复杂条件，页面表单无法完整显示，请通过 API（PUT /api/v1/aid/programs/" (id) "）修改，以免条件被合并。" }
        };
        return Ok(page(&actor, &title, body).into_response());
    }
    let screen = Screen {
        title: &title,
        action: format!("/aid/programs/{id}"),
        current: Some(id),
        input: &input_from(&p.def),
        version: Some(p.version),
        errors: &[],
        status: StatusCode::OK,
    };
    render(&s, &actor, screen).await
}

pub async fn update(
    State(s): State<AppState>,
    actor: Actor,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> PageResult {
    crate::service::bureau_writer(&s.db, &Caller::from(&actor))?;
    let (input, version) = input_of(&pairs);
    let version =
        version.ok_or_else(|| AppError::invalid("version", "缺少版本号，请刷新后重试"))?;
    let saved = match form_errors(&input) {
        e if e.is_empty() => {
            service::update(&s.db, &Caller::from(&actor), id, version, &input).await
        }
        e => Err(AppError::Invalid(e)),
    };
    match saved {
        Ok(_) => Ok(Redirect::to(&format!("/aid/programs/{id}")).into_response()),
        Err(e) => {
            let (status, errors) = refusal(e)?;
            // After a conflict the form carries the version now stored, so
            // that saving again (deliberately) replaces the other change.
            let version = match status {
                StatusCode::CONFLICT => {
                    service::get(&s.db, &Caller::from(&actor), id)
                        .await?
                        .version
                }
                _ => version,
            };
            let screen = Screen {
                title: "修改资助项目",
                action: format!("/aid/programs/{id}"),
                current: Some(id),
                input: &input,
                version: Some(version),
                errors: &errors,
                status,
            };
            render(&s, &actor, screen).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Pairs {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_form_becomes_the_program_the_api_would_take() {
        let (input, version) = input_of(&pairs(&[
            ("name", " 低保寄宿生加发 "),
            ("period", "day"),
            ("amount_junior", "2"),
            ("amount_primary", "1"),
            ("amount_senior", ""),
            ("flag_boarding", "required"),
            ("flag_dibao", "required"),
            ("flag_orphan", ""),
            ("urban_rural", "rural"),
            ("incompatible_with", "3"),
            ("documents", "申请表\n\n 证明 \n"),
            ("active", "on"),
            ("version", "4"),
        ]));
        assert_eq!(version, Some(4));
        let def = input.validate(None, &[3]).expect("valid");
        assert_eq!(def.name, "低保寄宿生加发");
        assert_eq!(def.stages, vec![Stage::Primary, Stage::Junior]);
        assert_eq!(def.conditions.len(), 3);
        assert_eq!(def.incompatible_with, vec![3]);
        assert_eq!(def.documents, vec!["申请表", "证明"]);
        assert!(def.active && !def.needs_application);
        // And back: the edit form shows what was stored.
        let again = input_from(&def);
        let twice = again.validate(None, &[3]).expect("valid");
        assert_eq!(twice, def);
    }

    #[test]
    fn a_contradiction_on_the_form_is_refused() {
        let (input, _) = input_of(&pairs(&[
            ("name", "x"),
            ("period", "term"),
            ("amount_junior", "-3"),
        ]));
        let errors = input.validate(None, &[]).unwrap_err();
        assert!(
            errors.iter().any(|e| e.message.contains("负数")),
            "{errors:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_form_is_answered_without_a_panic(
            values in proptest::collection::vec(("(name|period|amount_junior|amount_primary|flag_dibao|any_flag|urban_rural|ownership|budget|documents|incompatible_with|version)", "\\PC{0,12}"), 0..16)
        ) {
            let (input, _) = input_of(&values);
            let _ = input.validate(None, &[1, 2]);
        }
    }
}
