//! 岗位变动: a teacher works at one institution at a time. A new posting
//! closes the open one the day before it starts, and may not overlap any
//! earlier posting. The database's one-open-posting index is the last guard.

use chrono::NaiveDate;

use crate::domain::PostingKind;

/// A posting's time: from `starts_on`, until `ends_on` (inclusive) or open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// Where, as the message names it.
    pub place: String,
}

/// What adding a posting does to the open one: closes it on this day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub close_open_on: Option<NaiveDate>,
}

/// Whether a new posting from `starts_on` (to `ends_on`, if fixed-term)
/// fits after `existing`: the open posting is closed the day before, and
/// no posting may overlap. The refusal says what to fix, in Chinese.
pub fn plan(
    existing: &[Span],
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
) -> Result<Plan, String> {
    if let Some(end) = ends_on {
        if end < starts_on {
            return Err(format!("结束日期 {end} 早于起始日期 {starts_on}，请改正"));
        }
    }
    let mut close_open_on = None;
    for s in existing {
        match s.ends_on {
            None => {
                if starts_on <= s.starts_on {
                    return Err(format!(
                        "新岗位的起始日期 {starts_on} 不晚于现任岗位（{}，{} 起）的起始日期，岗位时间不能重叠；请把起始日期改到 {} 之后",
                        s.place, s.starts_on, s.starts_on
                    ));
                }
                close_open_on = starts_on.pred_opt();
            }
            Some(end) => {
                let after = starts_on > end;
                let before = ends_on.is_some_and(|e| e < s.starts_on);
                if !after && !before {
                    return Err(format!(
                        "新岗位（{starts_on} 起）与已有岗位（{}，{} 至 {end}）时间重叠，请改正起止日期",
                        s.place, s.starts_on
                    ));
                }
            }
        }
    }
    Ok(Plan { close_open_on })
}

/// Whether a posting of `kind` moves the person's employing institution
/// (人事关系): only a 调动 does; 交流轮岗, 支教 and 对口支援 keep it.
pub fn moves_employment(kind: PostingKind) -> bool {
    kind == PostingKind::Transfer
}

/// Whether a posting of `kind` may name a place outside the district
/// instead of one of its institutions: 支教 and 对口支援.
pub fn may_leave_district(kind: PostingKind) -> bool {
    matches!(kind, PostingKind::Support | PostingKind::PairedSupport)
}
