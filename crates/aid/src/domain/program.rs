//! 资助项目: a program as the bureau defines it, and its validation.

use platform::vocab::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::condition::{self, Condition, ConditionInput};
use super::kinds::{Period, Stage};
use super::money::Fen;

/// An amount for one stage as submitted: `amount` in 元, as a number or
/// text ("17.5").
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AmountInput {
    /// preschool, primary, junior, senior (or 学前/小学/初中/高中).
    pub stage: String,
    #[schema(value_type = String)]
    pub amount: serde_json::Value,
}

/// A program as submitted by a form or the API.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProgramInput {
    pub name: String,
    /// 资金来源, e.g. 中央和地方财政.
    #[serde(default)]
    pub funding_source: String,
    /// year, term, week or day (每年/每学期/每周/每在校日).
    pub period: String,
    /// 适用学段.
    #[serde(default)]
    pub stages: Vec<String>,
    /// 补助标准 per stage, in 元 per student per period.
    #[serde(default)]
    pub amounts: Vec<AmountInput>,
    #[serde(default)]
    pub conditions: Vec<ConditionInput>,
    /// Ids of programs this one cannot be combined with (不可兼得).
    #[serde(default)]
    pub incompatible_with: Vec<i64>,
    /// 每学年预算 in 元; empty or 0 = no budget limit.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub budget: Option<serde_json::Value>,
    /// Paid only to students with an approved application (帮困助学金, 助学贷款).
    #[serde(default)]
    pub needs_application: bool,
    /// 申请材料 the application must include.
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// A validated program definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramDef {
    pub name: String,
    pub funding_source: String,
    pub period: Period,
    pub stages: Vec<Stage>,
    /// Exactly one amount per stage in `stages`, in the same order.
    pub amounts: Vec<(Stage, Fen)>,
    pub conditions: Vec<Condition>,
    pub incompatible_with: Vec<i64>,
    pub budget: Fen,
    pub needs_application: bool,
    pub documents: Vec<String>,
    pub active: bool,
}

/// JSON numbers and strings both become text; the text is then parsed
/// exactly (never through floating point).
pub fn money_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl ProgramInput {
    /// Checks the whole definition; `own_id` is the program being edited,
    /// `known` every other program's id.
    pub fn validate(
        &self,
        own_id: Option<i64>,
        known: &[i64],
    ) -> Result<ProgramDef, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c
            .required_text(Field::new("name", "项目名称"), &self.name, 60)
            .to_string();
        let period = Period::parse(&self.period);
        if period.is_none() {
            c.custom(
                "period",
                format!(
                    "发放周期“{}”无效：应为每年、每学期、每周或每在校日",
                    self.period
                ),
            );
        }
        let mut stages = Vec::new();
        for s in &self.stages {
            match Stage::parse(s) {
                Some(st) if stages.contains(&st) => {
                    c.custom("stages", format!("学段“{}”重复", st.label()))
                }
                Some(st) => stages.push(st),
                None => c.custom("stages", format!("未知的学段“{s}”")),
            }
        }
        if self.stages.is_empty() {
            c.custom("stages", "请至少选择一个适用学段");
        }
        let mut amounts: Vec<(Stage, Fen)> = Vec::new();
        // Stages whose amount was given but refused (reported once).
        let mut bad = Vec::new();
        for a in &self.amounts {
            let Some(st) = Stage::parse(&a.stage) else {
                c.custom("amounts", format!("未知的学段“{}”", a.stage));
                continue;
            };
            if !stages.contains(&st) {
                c.custom(
                    "amounts",
                    format!(
                        "填写了“{}”的补助标准，但本项目的适用学段不含{}",
                        st.label(),
                        st.label()
                    ),
                );
                continue;
            }
            if amounts.iter().any(|(s, _)| *s == st) {
                c.custom("amounts", format!("“{}”的补助标准填写了两次", st.label()));
                continue;
            }
            let label = format!("“{}”的补助标准", st.label());
            match Fen::parse_yuan(&money_text(&a.amount)) {
                Ok(f) if f.0 > 0 => amounts.push((st, f)),
                Ok(_) => c.custom("amounts", format!("{label}不能为 0")),
                Err(m) => c.custom("amounts", format!("{label}：{m}")),
            }
            if !amounts.iter().any(|(s, _)| *s == st) {
                bad.push(st);
            }
        }
        for st in &stages {
            if !amounts.iter().any(|(s, _)| s == st) && !bad.contains(st) {
                c.custom("amounts", format!("请填写“{}”的补助标准", st.label()));
            }
        }
        amounts.sort_by_key(|(s, _)| stages.iter().position(|x| x == s));
        let conditions = condition::validate(&self.conditions).unwrap_or_else(|e| {
            c.extend(e);
            Vec::new()
        });
        let mut incompatible = Vec::new();
        for id in &self.incompatible_with {
            if Some(*id) == own_id {
                c.custom("incompatible_with", "项目不能与自身互斥");
            } else if !known.contains(id) {
                c.custom("incompatible_with", format!("互斥项目 #{id} 不存在"));
            } else if !incompatible.contains(id) {
                incompatible.push(*id);
            }
        }
        let budget_text = self.budget.as_ref().map(money_text).unwrap_or_default();
        let budget = c
            .parsed(Field::new("budget", "预算"), &budget_text, Fen::parse_yuan)
            .unwrap_or(Fen::ZERO);
        let documents: Vec<String> = self
            .documents
            .iter()
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .collect();
        if self.needs_application && documents.is_empty() {
            c.custom("documents", "需个人申请的项目请列出申请材料");
        }
        c.finish(ProgramDef {
            name,
            funding_source: self.funding_source.trim().to_string(),
            period: period.unwrap_or(Period::Term),
            stages,
            amounts,
            conditions,
            incompatible_with: incompatible,
            budget,
            needs_application: self.needs_application,
            documents,
            active: self.active,
        })
    }
}

impl ProgramDef {
    pub fn amount_for(&self, stage: Stage) -> Option<Fen> {
        self.amounts
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, f)| *f)
    }

    /// "中学 320元/年；小学 240元/年" style summary of the standard.
    pub fn standard_text(&self) -> String {
        let unit = match self.period {
            Period::Year => "年",
            Period::Term => "学期",
            Period::Week => "周",
            Period::Day => "天",
        };
        self.amounts
            .iter()
            .map(|(s, f)| format!("{} {}元/{unit}", s.label(), f.yuan()))
            .collect::<Vec<_>>()
            .join("；")
    }
}
