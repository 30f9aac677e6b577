//! 资助条件: conditions over a student's attributes, as the bureau writes
//! them, and their validation (no contradictions, no repeats).

use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::kinds::{ownership_parse, Flag, Ownership, UrbanRural};

/// One condition; a program's conditions must all hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// 须具备 (required) or 须不具备 (forbidden) a flag.
    Flag { flag: Flag, required: bool },
    /// 至少具备其一: e.g. 家庭经济困难 = 建档立卡、低保、孤儿或残疾.
    AnyFlag { flags: Vec<Flag> },
    /// The institution's township is one of these (城区/镇区/乡村).
    UrbanRural { values: Vec<UrbanRural> },
    /// The institution's ownership is one of these (e.g. 普惠性民办).
    Ownership { values: Vec<Ownership> },
}

impl Condition {
    /// How the condition reads on a page.
    pub fn describe(&self) -> String {
        match self {
            Condition::Flag {
                flag,
                required: true,
            } => format!("须为{}", flag.label()),
            Condition::Flag {
                flag,
                required: false,
            } => format!("须非{}", flag.label()),
            Condition::AnyFlag { flags } => format!(
                "至少具备其一：{}",
                flags
                    .iter()
                    .map(|f| f.label())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            Condition::UrbanRural { values } => format!(
                "学校位于{}",
                values
                    .iter()
                    .map(|f| f.label())
                    .collect::<Vec<_>>()
                    .join("或")
            ),
            Condition::Ownership { values } => format!(
                "学校举办性质为{}",
                values
                    .iter()
                    .map(|f| f.label())
                    .collect::<Vec<_>>()
                    .join("或")
            ),
        }
    }
}

/// A condition as submitted (form or JSON), before validation.
#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ConditionInput {
    /// flag, any_flag, urban_rural or ownership.
    pub kind: String,
    /// For `flag`: boarding, dibao, registered_poor, disability, orphan,
    /// left_behind, migrant_child, local_hukou (or the Chinese label).
    #[serde(default)]
    pub flag: Option<String>,
    /// For `flag`: true = 须具备, false = 须不具备.
    #[serde(default)]
    pub required: Option<bool>,
    /// For `any_flag`.
    #[serde(default)]
    pub flags: Vec<String>,
    /// For `urban_rural` (urban/town/rural) and `ownership`
    /// (public/private/private_inclusive).
    #[serde(default)]
    pub values: Vec<String>,
}

fn err(n: usize, msg: impl Into<String>) -> FieldError {
    FieldError::new(format!("conditions[{n}]"), msg)
}

fn parse_one(n: usize, c: &ConditionInput) -> Result<Condition, FieldError> {
    let flag = |s: &str| {
        Flag::parse(s).ok_or_else(|| err(n, format!("条件{}：未知的学生类别“{s}”", n + 1)))
    };
    match c.kind.trim() {
        "flag" => {
            let f = flag(c.flag.as_deref().unwrap_or(""))?;
            let required = c.required.ok_or_else(|| {
                err(
                    n,
                    format!(
                        "条件{}：请说明“{}”是必须具备还是必须不具备",
                        n + 1,
                        f.label()
                    ),
                )
            })?;
            Ok(Condition::Flag { flag: f, required })
        }
        "any_flag" => {
            if c.flags.is_empty() {
                return Err(err(
                    n,
                    format!("条件{}：“至少具备其一”没有列出任何类别，无人能满足", n + 1),
                ));
            }
            let flags = c
                .flags
                .iter()
                .map(|s| flag(s))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Condition::AnyFlag { flags })
        }
        "urban_rural" => {
            if c.values.is_empty() {
                return Err(err(
                    n,
                    format!("条件{}：未选择城区/镇区/乡村，无人能满足", n + 1),
                ));
            }
            let values = c
                .values
                .iter()
                .map(|s| {
                    UrbanRural::parse(s)
                        .ok_or_else(|| err(n, format!("条件{}：未知的城乡类别“{s}”", n + 1)))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Condition::UrbanRural { values })
        }
        "ownership" => {
            if c.values.is_empty() {
                return Err(err(n, format!("条件{}：未选择举办性质，无人能满足", n + 1)));
            }
            let values = c
                .values
                .iter()
                .map(|s| {
                    ownership_parse(s)
                        .ok_or_else(|| err(n, format!("条件{}：未知的举办性质“{s}”", n + 1)))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Condition::Ownership { values })
        }
        other => Err(err(n, format!("条件{}：未知的条件类型“{other}”", n + 1))),
    }
}

/// Parses and checks a list of conditions as a whole: a flag both required
/// and forbidden, a flag or area named twice, an "any of" whose every flag
/// is forbidden — each is refused with a message saying why.
pub fn validate(inputs: &[ConditionInput]) -> Result<Vec<Condition>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (n, c) in inputs.iter().enumerate() {
        match parse_one(n, c) {
            Ok(c) => out.push(c),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut required = 0u16;
    let mut forbidden = 0u16;
    let (mut areas, mut owners) = (0, 0);
    for (n, c) in out.iter().enumerate() {
        match c {
            Condition::Flag { flag, required: r } => {
                let (same, other) = if *r {
                    (&mut required, forbidden)
                } else {
                    (&mut forbidden, required)
                };
                if *same & flag.bit() != 0 {
                    errors.push(err(n, format!("条件重复：“{}”出现了两次", flag.label())));
                } else if other & flag.bit() != 0 {
                    errors.push(err(
                        n,
                        format!("条件矛盾：既要求又排除“{}”，无人能满足", flag.label()),
                    ));
                }
                *same |= flag.bit();
            }
            Condition::UrbanRural { .. } => {
                areas += 1;
                if areas > 1 {
                    errors.push(err(n, "条件重复：城乡类别只能设一个条件（可多选）"));
                }
            }
            Condition::Ownership { .. } => {
                owners += 1;
                if owners > 1 {
                    errors.push(err(n, "条件重复：举办性质只能设一个条件（可多选）"));
                }
            }
            Condition::AnyFlag { .. } => {}
        }
    }
    for (n, c) in out.iter().enumerate() {
        if let Condition::AnyFlag { flags } = c {
            if flags.iter().all(|f| forbidden & f.bit() != 0) {
                errors.push(err(
                    n,
                    "条件矛盾：“至少具备其一”所列类别均已被排除，无人能满足",
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
