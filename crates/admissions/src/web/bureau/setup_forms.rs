//! The round's set-up forms: schools and seats chosen from the registry,
//! catchments per school (or imported from a workbook), the policy parents
//! read, and the seed. After a refusal every form shows what was typed.

use maud::{html, Markup};
use platform::auth::Actor;
use platform::InstitutionId;

use super::round::RoundModel;
use crate::service::setup::{CatchmentEntry, SchoolEntry};

/// A set-up form as submitted: which form, and its fields in order.
#[derive(Default)]
pub(super) struct Typed<'a> {
    pub what: &'a str,
    pub fields: &'a [(String, String)],
}

impl Typed<'_> {
    /// The fields, if `what` is the form that was refused.
    fn of(&self, what: &str) -> Option<&[(String, String)]> {
        (self.what == what).then_some(self.fields)
    }
}

/// The value of field `name`, blank when absent.
pub(super) fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn ticked(fields: &[(String, String)], name: &str, value: &str) -> bool {
    fields.iter().any(|(k, v)| k == name && v == value)
}

/// The schools ticked on the schools form, with their numbers as typed.
pub(super) fn school_entries(fields: &[(String, String)]) -> Vec<SchoolEntry> {
    fields
        .iter()
        .filter(|(k, _)| k == "pick")
        .filter_map(|(_, v)| v.parse::<i64>().ok().map(InstitutionId))
        .map(|id| SchoolEntry {
            institution: id,
            seats: field(fields, &format!("seats_{id}")).into(),
            early: field(fields, &format!("early_{id}")).into(),
            private_lottery: ticked(fields, &format!("lottery_{id}"), "1"),
        })
        .collect()
}

/// Every school's communities on the catchments form.
pub(super) fn catchment_entries(fields: &[(String, String)]) -> Vec<CatchmentEntry> {
    fields
        .iter()
        .filter_map(|(k, v)| {
            let id = k.strip_prefix("catchment_")?.parse::<i64>().ok()?;
            Some(CatchmentEntry {
                institution: InstitutionId(id),
                communities: v.clone(),
            })
        })
        .collect()
}

fn schools_form(actor: &Actor, m: &RoundModel, typed: &Typed) -> Markup {
    let id = m.round.id;
    let t = typed.of("schools");
    html! {
        form.stacked method="post" action=(format!("/admissions/{id}/schools")) {
            (platform::web::forms::csrf_field(actor))
            p.muted { "勾选参加本轮招生的学校（名单取自机构名录），填写学位数；民办学校实行公民同招，按摇号录取。" }
            table id="school-picker" {
                thead { tr { th { "参加" } th.num { "学位数" } th.num { "提前招生数" } th { "民办摇号" } } }
                tbody { @for c in &m.candidates {
                    @let stored = m.schools.iter().find(|s| s.institution_id == c.id);
                    @let key = c.id.to_string();
                    @let picked = t.map_or(stored.is_some(), |f| ticked(f, "pick", &key));
                    @let seats = t.map_or_else(|| stored.map(|s| s.seats.to_string()).unwrap_or_default(), |f| field(f, &format!("seats_{key}")).to_string());
                    @let early = t.map_or_else(|| stored.map(|s| s.early_seats.to_string()).unwrap_or_default(), |f| field(f, &format!("early_{key}")).to_string());
                    @let lottery = t.map_or_else(|| stored.map_or(c.ownership != "public", |s| s.private_lottery), |f| ticked(f, &format!("lottery_{key}"), "1"));
                    tr {
                        td { label { input type="checkbox" name="pick" value=(key) checked[picked]; " " (c.name) } }
                        td.num { input type="number" name=(format!("seats_{key}")) min="1" max="5000" value=(seats) aria-label=(format!("{} 学位数", c.name)); }
                        td.num { input type="number" name=(format!("early_{key}")) min="0" value=(early) aria-label=(format!("{} 提前招生数", c.name)); }
                        td { input type="checkbox" name=(format!("lottery_{key}")) value="1" checked[lottery] aria-label=(format!("{} 民办摇号", c.name)); }
                    }
                } }
            }
            button type="submit" { "保存招生学校" }
        }
    }
}

fn catchments_form(actor: &Actor, m: &RoundModel, typed: &Typed) -> Markup {
    let id = m.round.id;
    let t = typed.of("catchments");
    html! {
        @if !m.schools.is_empty() {
            form.stacked method="post" action=(format!("/admissions/{id}/catchments")) {
                (platform::web::forms::csrf_field(actor))
                p.muted { "每所学校的学区社区，用顿号（、）分隔；留空表示该校不划学区。" }
                @for s in &m.schools {
                    @let name = format!("catchment_{}", s.institution_id);
                    @let value = t.map_or_else(|| m.communities_of(s.institution_id), |f| field(f, &name).to_string());
                    label for=(name) { (s.name) " 学区" }
                    input type="text" id=(name) name=(name) value=(value) placeholder="东迁社区、旧馆社区";
                }
                button type="submit" { "保存学区" }
            }
            form.stacked method="post" action=(format!("/admissions/{id}/catchments.xlsx?_csrf={}", actor.csrf_token)) enctype="multipart/form-data" {
                (platform::web::forms::csrf_field(actor))
                label for="catchment-file" { "从 Excel 导入学区（列：学校、社区；学校填名称或学校标识码，社区可用顿号分隔多个）。导入将替换本轮全部学区；文件中有任何一行有误则不导入。" }
                input type="file" id="catchment-file" name="file" accept=".xlsx,.csv" required;
                button.secondary type="submit" { "导入学区" }
            }
        }
    }
}

/// Every set-up form of a round that has not been allocated.
pub(super) fn setup_forms(actor: &Actor, m: &RoundModel, typed: &Typed) -> Markup {
    let id = m.round.id;
    let policy = typed
        .of("policy")
        .map_or_else(|| m.round.policy.clone(), |f| field(f, "text").to_string());
    let seed = typed.of("seed").map_or("", |f| field(f, "text"));
    html! {
        h2 { "设置招生学校" }
        (schools_form(actor, m, typed))
        h2 { "学区" }
        (catchments_form(actor, m, typed))
        h2 { "招生政策" }
        form.stacked method="post" action=(format!("/admissions/{id}/policy")) {
            (platform::web::forms::csrf_field(actor))
            label for="policy" { "招生政策（在家长报名页面上显示，每行一段）" }
            textarea id="policy" name="text" rows="6" { (policy) }
            button type="submit" { "保存招生政策" }
        }
        form.filters method="post" action=(format!("/admissions/{id}/seed")) {
            (platform::web::forms::csrf_field(actor))
            label { "摇号种子（公开抽取后登记）" input type="text" name="text" value=(seed); }
            button type="submit" { "登记种子" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn ticked_schools_carry_their_numbers() {
        let f = pairs(&[
            ("pick", "7"),
            ("seats_7", "45"),
            ("early_7", ""),
            ("seats_8", "30"),
            ("pick", "9"),
            ("seats_9", "20"),
            ("lottery_9", "1"),
        ]);
        let e = school_entries(&f);
        assert_eq!(e.len(), 2, "school 8 is not ticked");
        assert_eq!(
            (e[0].institution, e[0].seats.as_str(), e[0].private_lottery),
            (InstitutionId(7), "45", false)
        );
        assert_eq!(
            (e[1].institution, e[1].private_lottery),
            (InstitutionId(9), true)
        );
        let c = catchment_entries(&pairs(&[("catchment_7", "东迁社区"), ("_csrf", "x")]));
        assert_eq!(
            c,
            vec![CatchmentEntry {
                institution: InstitutionId(7),
                communities: "东迁社区".into()
            }]
        );
    }
}
