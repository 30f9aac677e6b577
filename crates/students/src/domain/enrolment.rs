//! The states of an enrolment (学籍) and of a transfer (转学), stored as
//! the same text the database has always held.

platform::text_enum! {
    /// The state of an enrolment.
    pub enum EnrolmentStatus {
        /// 在读
        Active = "active" "在读",
        /// 休学
        Suspended = "suspended" "休学",
        /// 转学中: a transfer out awaits the receiving side.
        Transferring = "transferring" "转学中",
        /// 已离校: see [`LeftReason`].
        Left = "left" "已离校",
    }
}

platform::text_enum! {
    /// Why an enrolment ended (离校原因).
    pub enum LeftReason {
        /// 升级: moved up a grade into next year's enrolment.
        Promoted = "promoted" "升级",
        /// 转出
        Transferred = "transferred" "转出",
        /// 毕业
        Graduated = "graduated" "毕业",
        /// 辍学: a dropout-control case is opened.
        DroppedOut = "dropped_out" "辍学",
        /// 其他
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// The state of a transfer request.
    pub enum TransferStatus {
        /// 待确认 by the receiving side.
        Pending = "pending" "待确认",
        /// 已转入
        Confirmed = "confirmed" "已转入",
        /// 已拒绝
        Refused = "refused" "已拒绝",
        /// 已撤销
        Cancelled = "cancelled" "已撤销",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enrolment_statuses_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<EnrolmentStatus>();
        assert_eq!(EnrolmentStatus::Active.as_str(), "active");
        assert_eq!(EnrolmentStatus::Transferring.label(), "转学中");
        assert_eq!(EnrolmentStatus::parse("graduated"), None);
    }

    #[test]
    fn left_reasons_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<LeftReason>();
        assert_eq!(LeftReason::DroppedOut.as_str(), "dropped_out");
        assert_eq!(LeftReason::Graduated.label(), "毕业");
    }

    #[test]
    fn transfer_statuses_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<TransferStatus>();
        assert_eq!(TransferStatus::Refused.label(), "已拒绝");
        assert_eq!(
            serde_json::to_string(&TransferStatus::Pending).unwrap(),
            "\"pending\""
        );
    }
}
