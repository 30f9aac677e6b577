//! Statuses of batches and applications, stored as their lowercase words.

platform::text_enum! {
    /// 发放批次状态.
    pub enum BatchStatus {
        Draft = "draft" "待审批",
        Approved = "approved" "已审批",
        Paid = "paid" "已发放",
        Discarded = "discarded" "已作废",
    }
}

impl BatchStatus {
    /// Approved or paid: the batch's lines count as money spent.
    pub fn is_settled(self) -> bool {
        matches!(self, BatchStatus::Approved | BatchStatus::Paid)
    }
}

platform::text_enum! {
    /// 个人申请状态.
    pub enum ApplicationStatus {
        Submitted = "submitted" "待学校审核",
        SchoolApproved = "school_approved" "待教育局审批",
        Approved = "approved" "已批准",
        Rejected = "rejected" "未通过",
    }
}

platform::text_enum! {
    /// 批次类型: a term's run or a correction of paid lines.
    pub enum BatchKind {
        Run = "run" "学期计算",
        Correction = "correction" "更正",
    }
}

platform::text_enum! {
    /// 台账记录类型.
    pub enum LedgerKind {
        Payment = "payment" "发放",
        Reversal = "reversal" "冲销",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_statuses_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<BatchStatus>();
        assert_eq!(BatchStatus::Draft.label(), "待审批");
        assert_eq!(BatchStatus::Paid.label(), "已发放");
        assert!(BatchStatus::Approved.is_settled() && !BatchStatus::Draft.is_settled());
        assert_eq!(BatchStatus::parse("unknown"), None);
    }

    #[test]
    fn application_statuses_round_trip_with_their_labels() {
        for s in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(s.as_str()), Some(*s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        assert_eq!(
            ApplicationStatus::SchoolApproved.as_str(),
            "school_approved"
        );
        assert_eq!(ApplicationStatus::SchoolApproved.label(), "待教育局审批");
        assert_eq!(ApplicationStatus::Rejected.label(), "未通过");
    }

    #[test]
    fn batch_and_ledger_kinds_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<BatchKind>();
        platform::text_enum::assert_keys_and_labels_parse_back::<LedgerKind>();
        assert_eq!(BatchKind::Correction.label(), "更正");
        assert_eq!(LedgerKind::Reversal.as_str(), "reversal");
    }
}
