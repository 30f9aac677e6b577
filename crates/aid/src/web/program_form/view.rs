//! The program form as a page shows it, new or filled in.

use maud::{html, Markup};
use platform::auth::Actor;
use platform::web::forms::{csrf_field, refusal_view, select, Refusal};

use crate::domain::presets::{Preset, PRESETS};
use crate::domain::program::money_text;
use crate::domain::{Flag, Ownership, Period, ProgramInput, Stage, UrbanRural};
use crate::store::Program;

pub(super) struct FormView<'a> {
    pub(super) action: String,
    pub(super) input: &'a ProgramInput,
    pub(super) version: Option<i64>,
    pub(super) refusal: &'a Refusal,
    /// Other programs, for "cannot be combined with".
    pub(super) others: Vec<&'a Program>,
}

/// "New program from preset": the national programs to start from, and
/// the source of the standard of the one chosen.
pub(super) fn preset_links(chosen: Option<&Preset>) -> Markup {
    html! {
        div.actions id="aid-presets" {
            "从国家资助项目预设新建："
            @for p in PRESETS { a.button.secondary href=(format!("/aid/programs/new?preset={}", p.key)) { (p.name) } " " }
        }
        @if let Some(p) = chosen {
            p.notice { "已按预设“" (p.name) "”填写，标准依据：" (p.source) "。请按本地标准调整后保存。" }
        }
    }
}

pub(super) fn form(actor: &Actor, v: FormView) -> Markup {
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
        (refusal_view(v.refusal))
        @if v.refusal.alert.is_some() { p.alert { "您填写的内容仍保留在下方；核对后再次保存将以此为准。" } }
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
                    @for p in &v.others { label { input type="checkbox" name="incompatible_with" value=(p.id) checked[i.incompatible_with.contains(&p.id.0)]; (p.def.name) } }
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
