//! 信息公开: the fee items an institution publishes (收费公示) and the
//! card of a pupil's fees made from them (明白交费卡); the bureau's
//! catalogue (主动公开目录); requests for disclosure (依申请公开) with
//! their deadline and reply.

use chrono::NaiveDate;
use platform::error::FieldError;
use serde::{Deserialize, Serialize};

use super::limits::Limit;

platform::typed_id!(
    /// A fee item (收费项目).
    FeeItemId
);
platform::typed_id!(
    /// An entry of the disclosure catalogue (主动公开).
    CatalogueId
);
platform::typed_id!(
    /// A request for disclosure (依申请公开).
    RequestId
);

fn bad(field: &str, msg: &str) -> FieldError {
    FieldError::new(field, msg)
}

fn text(errors: &mut Vec<FieldError>, field: &str, value: &str, max: usize, what: &str) -> String {
    let v = value.trim();
    if v.is_empty() || v.chars().count() > max {
        errors.push(bad(field, &format!("{what}不能为空，最多 {max} 字")));
    }
    v.into()
}

/// An amount in yuan as typed ("120", "35.5", "0.05") in fen; at most two
/// decimals, not negative, under 1,000,000 元.
pub fn parse_yuan(s: &str) -> Option<i64> {
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || whole.len() > 6 || frac.len() > 2 {
        return None;
    }
    if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yuan: i64 = whole.parse().ok()?;
    let fen: i64 = format!("{frac:0<2}").parse().ok()?;
    Some(yuan * 100 + fen)
}

/// Fen shown as yuan with two decimals.
pub fn show_yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The grades an item applies to ("1,2,3"; empty: all), sorted, each -2..=12.
pub fn parse_grades(s: &str) -> Option<Vec<i64>> {
    let mut grades = Vec::new();
    for part in s.split([',', '，', ' ']).filter(|p| !p.trim().is_empty()) {
        let g: i64 = part.trim().parse().ok().filter(|g| (-2..=12).contains(g))?;
        if !grades.contains(&g) {
            grades.push(g);
        }
    }
    grades.sort_unstable();
    Some(grades)
}

/// Whether an item for `grades` (empty: all) applies to a pupil of `grade`.
pub fn applies_to(grades: &[i64], grade: i64) -> bool {
    grades.is_empty() || grades.contains(&grade)
}

/// A fee item as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FeeItemInput {
    /// The institution (a school's own account may leave it out).
    pub institution_id: Option<i64>,
    /// The school year's starting year (2026 for 2026–2027).
    pub school_year: Option<i64>,
    /// 收费项目: 作业本费, 校服费, 午餐费 …
    pub item: String,
    /// 收费标准 in yuan, e.g. "120.00".
    pub standard: String,
    /// 计费单位: 元/生·学期 …
    pub unit: String,
    /// The grades it applies to, "1,2,3"; empty for all.
    pub grades: String,
    /// 收费依据: the approving document.
    pub basis: String,
}

/// A fee item that passed its checks.
#[derive(Clone, Debug, PartialEq)]
pub struct FeeItemDraft {
    pub school_year: i64,
    pub item: String,
    pub standard_fen: i64,
    pub unit: String,
    pub grades: Vec<i64>,
    pub basis: String,
}

impl FeeItemInput {
    pub fn parse(&self, this_year: i64) -> Result<FeeItemDraft, Vec<FieldError>> {
        let mut e = Vec::new();
        let school_year = self.school_year.unwrap_or(this_year);
        if !(2000..=2100).contains(&school_year) {
            e.push(bad("school_year", "学年有误"));
        }
        let item = text(&mut e, "item", &self.item, 50, "收费项目");
        let standard_fen = parse_yuan(&self.standard);
        if standard_fen.is_none() {
            e.push(bad("standard", "收费标准应为金额（元），最多两位小数"));
        }
        let unit = text(&mut e, "unit", &self.unit, 20, "计费单位");
        let grades = parse_grades(&self.grades);
        if grades.is_none() {
            e.push(bad("grades", "适用年级应为 -2 至 12 的数字，用逗号分隔"));
        }
        let basis = text(&mut e, "basis", &self.basis, 200, "收费依据");
        match (standard_fen, grades) {
            (Some(standard_fen), Some(grades)) if e.is_empty() => Ok(FeeItemDraft {
                school_year,
                item,
                standard_fen,
                unit,
                grades,
                basis,
            }),
            _ => Err(e),
        }
    }
}

/// A line of a pupil's fee card.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CardLine {
    pub item: String,
    pub standard_fen: i64,
    pub unit: String,
    pub basis: String,
}

/// The fee items that apply to a pupil of `grade`, and their total (明白交费卡).
pub fn card<'a>(
    items: impl IntoIterator<Item = (&'a [i64], CardLine)>,
    grade: i64,
) -> (Vec<CardLine>, i64) {
    let lines: Vec<CardLine> = items
        .into_iter()
        .filter(|(grades, _)| applies_to(grades, grade))
        .map(|(_, line)| line)
        .collect();
    let total = lines.iter().map(|l| l.standard_fen).sum();
    (lines, total)
}

/// A catalogue entry as typed.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CatalogueInput {
    /// 类别: 机构职能, 政策文件, 规划计划, 财务信息 …
    pub category: String,
    pub title: String,
    /// The day it was published (default: today).
    pub published_on: Option<NaiveDate>,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueDraft {
    pub category: String,
    pub title: String,
    pub published_on: NaiveDate,
    pub body: String,
}

impl CatalogueInput {
    pub fn parse(&self, today: NaiveDate) -> Result<CatalogueDraft, Vec<FieldError>> {
        let mut e = Vec::new();
        let category = text(&mut e, "category", &self.category, 30, "类别");
        let title = text(&mut e, "title", &self.title, 100, "标题");
        let body = text(&mut e, "body", &self.body, 20_000, "内容");
        let published_on = self.published_on.unwrap_or(today);
        if published_on > today {
            e.push(bad("published_on", "公开日期不能晚于今天"));
        }
        if e.is_empty() {
            Ok(CatalogueDraft {
                category,
                title,
                published_on,
                body,
            })
        } else {
            Err(e)
        }
    }
}

platform::text_enum! {
    /// How a request for disclosure is answered (答复类型).
    pub enum Outcome {
        Disclosed = "disclosed" "予以公开",
        Partly = "partly" "部分公开",
        Refused = "refused" "不予公开",
        Nonexistent = "nonexistent" "信息不存在",
    }
}

impl Outcome {
    /// Whether the reply must give its reason (all but full disclosure).
    pub fn needs_reason(self) -> bool {
        self != Outcome::Disclosed
    }
}

/// A request for disclosure as registered.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RequestInput {
    /// 申请人
    pub requester: String,
    /// 联系方式
    pub contact: String,
    /// 申请内容
    pub content: String,
    /// The day it was received (default: today).
    pub received_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RequestDraft {
    pub requester: String,
    pub contact: String,
    pub content: String,
    pub received_on: NaiveDate,
    /// 答复期限: computed here, so that no request exists without one.
    pub due_on: NaiveDate,
}

impl RequestInput {
    pub fn parse(&self, today: NaiveDate, limit: Limit) -> Result<RequestDraft, Vec<FieldError>> {
        let mut e = Vec::new();
        let requester = text(&mut e, "requester", &self.requester, 50, "申请人");
        let contact = text(&mut e, "contact", &self.contact, 100, "联系方式");
        let content = text(&mut e, "content", &self.content, 5_000, "申请内容");
        let received_on = self.received_on.unwrap_or(today);
        if received_on > today {
            e.push(bad("received_on", "收到日期不能晚于今天"));
        }
        if e.is_empty() {
            Ok(RequestDraft {
                requester,
                contact,
                content,
                received_on,
                due_on: limit.due(received_on),
            })
        } else {
            Err(e)
        }
    }
}

/// A reply to a request.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ReplyInput {
    /// disclosed, partly, refused, nonexistent
    pub outcome: String,
    /// 理由 (required unless disclosed in full).
    pub reason: String,
}

impl ReplyInput {
    pub fn parse(&self) -> Result<(Outcome, String), Vec<FieldError>> {
        let outcome = Outcome::parse(self.outcome.trim())
            .ok_or_else(|| vec![bad("outcome", "请选择答复类型")])?;
        let reason = self.reason.trim();
        if outcome.needs_reason() && reason.is_empty() {
            return Err(vec![bad(
                "reason",
                "部分公开、不予公开或信息不存在须说明理由",
            )]);
        }
        if reason.chars().count() > 2_000 {
            return Err(vec![bad("reason", "理由最多 2000 字")]);
        }
        Ok((outcome, reason.into()))
    }
}

/// Whether an unanswered request is overdue on `today`.
pub fn overdue(due_on: NaiveDate, replied_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    replied_on.is_none() && today > due_on
}

/// Whether a reply came within its deadline.
pub fn on_time(due_on: NaiveDate, replied_on: NaiveDate) -> bool {
    replied_on <= due_on
}

#[cfg(test)]
mod tests;
