//! Statuses of appeals and how each child was placed, stored as their
//! lowercase words.

platform::text_enum! {
    /// 申诉状态, as the bureau reads it.
    pub enum AppealStatus {
        Open = "open" "待答复",
        Upheld = "upheld" "成立",
        Rejected = "rejected" "不成立",
    }
}

impl AppealStatus {
    /// The status as the parent who filed the appeal reads it.
    pub fn parent_label(self) -> &'static str {
        match self {
            AppealStatus::Open => "已受理，待答复",
            other => other.label(),
        }
    }
}

platform::text_enum! {
    /// How a child was placed (录取方式) by a run.
    pub enum Placement {
        /// 提前招生
        Early = "early" "提前招生录取",
        /// 志愿录取
        Choice = "choice" "志愿录取",
        /// 统筹安排
        Placed = "placed" "统筹安排",
        /// Not placed yet.
        Unplaced = "none" "暂未安排",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appeal_statuses_round_trip_with_their_labels() {
        for s in AppealStatus::ALL {
            assert_eq!(AppealStatus::parse(s.as_str()), Some(*s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(AppealStatus::Open.label(), "待答复");
        assert_eq!(AppealStatus::Open.parent_label(), "已受理，待答复");
        assert_eq!(AppealStatus::Upheld.parent_label(), "成立");
        assert_eq!(AppealStatus::Rejected.label(), "不成立");
        assert_eq!(AppealStatus::parse("closed"), None);
    }

    #[test]
    fn placements_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<Placement>();
        assert_eq!(Placement::Unplaced.as_str(), "none");
        assert_eq!(Placement::Early.label(), "提前招生录取");
        assert_eq!(Placement::Unplaced.label(), "暂未安排");
    }
}
