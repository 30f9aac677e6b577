//! Pure rules of campaigns (督导评估/年检/检查): the self-evaluation an
//! institution keeps, answers as forms send them, and the totals of a
//! campaign summary.

mod answers;
mod summary;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use answers::{error_code, parse_answer, FormValue};
pub use summary::{summarize, BandCount, IndicatorStat, Summary, NO_BAND};

use super::score::Answer;

platform::text_enum! {
    /// Where an institution's self-evaluation (自评) stands; it is locked
    /// once submitted.
    pub enum SelfStatus {
        Pending = "pending" "未开始",
        Draft = "draft" "草稿",
        Submitted = "submitted" "已提交",
    }
}

platform::text_enum! {
    /// Whether a campaign still takes self-evaluations and scores.
    pub enum CampaignStatus {
        Open = "open" "进行中",
        Closed = "closed" "已结束",
    }
}

/// The institution's own answer to one leaf indicator and what it says
/// about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SelfItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub answer: Option<Answer>,
    #[serde(default)]
    pub note: String,
}

/// A self-evaluation by leaf code.
pub type SelfAnswers = BTreeMap<String, SelfItem>;

/// An inspector's answers by leaf code.
pub type Answers = BTreeMap<String, Answer>;

/// What the inspectors found, by leaf code.
pub type Findings = BTreeMap<String, String>;

/// The answers of a self-evaluation, for scoring it like an inspector's.
pub fn self_answers(items: &SelfAnswers) -> Answers {
    items
        .iter()
        .filter_map(|(code, item)| item.answer.clone().map(|a| (code.clone(), a)))
        .collect()
}
