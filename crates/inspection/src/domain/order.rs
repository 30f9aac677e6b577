//! 整改通知书: a finding becomes an order with a deadline; the institution
//! responds with evidence; an inspector re-checks (复查) and closes it
//! (销号) or sends it back with a new deadline.

use chrono::NaiveDate;

platform::text_enum! {
    /// Where a rectification order stands.
    pub enum OrderStatus {
        Issued = "issued" "待整改",
        Responded = "responded" "待复查",
        Reopened = "reopened" "复查未通过",
        Closed = "closed" "已销号",
    }
}

/// What happens to an order after it is issued.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderEvent {
    /// The institution reports what it did, with this many evidence files.
    Respond { evidence: usize },
    /// The re-check passed, with this many evidence files of the check.
    Close { evidence: usize },
    /// The re-check failed: the institution gets until `deadline`.
    Reopen { deadline: NaiveDate },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    #[error("整改期限 {deadline} 已过（今天是 {today}），请定一个今天或以后的日期")]
    DeadlineInPast {
        deadline: NaiveDate,
        today: NaiveDate,
    },
    #[error("整改情况须附佐证材料")]
    ResponseWithoutEvidence,
    #[error("销号须附复查材料")]
    CloseWithoutEvidence,
    #[error("学校尚未报送整改情况，不能复查")]
    RecheckBeforeResponse,
    #[error("已报送整改情况，等待复查")]
    AlreadyResponded,
    #[error("该整改通知已销号")]
    AlreadyClosed,
}

/// Checks the deadline of a new order (or of a reopened one).
pub fn check_deadline(deadline: NaiveDate, today: NaiveDate) -> Result<(), OrderError> {
    if deadline < today {
        return Err(OrderError::DeadlineInPast { deadline, today });
    }
    Ok(())
}

impl OrderStatus {
    /// The status after `event`, or why the event cannot happen now.
    pub fn after(self, event: OrderEvent, today: NaiveDate) -> Result<OrderStatus, OrderError> {
        use OrderStatus::*;
        match (self, event) {
            (Closed, _) => Err(OrderError::AlreadyClosed),
            (Issued | Reopened, OrderEvent::Respond { evidence: 0 }) => {
                Err(OrderError::ResponseWithoutEvidence)
            }
            (Issued | Reopened, OrderEvent::Respond { .. }) => Ok(Responded),
            (Issued | Reopened, _) => Err(OrderError::RecheckBeforeResponse),
            (Responded, OrderEvent::Respond { .. }) => Err(OrderError::AlreadyResponded),
            (Responded, OrderEvent::Close { evidence: 0 }) => Err(OrderError::CloseWithoutEvidence),
            (Responded, OrderEvent::Close { .. }) => Ok(Closed),
            (Responded, OrderEvent::Reopen { deadline }) => {
                check_deadline(deadline, today).map(|()| Reopened)
            }
        }
    }

    /// Waiting on the institution: issued, or sent back after a re-check.
    pub fn awaits_institution(self) -> bool {
        matches!(self, OrderStatus::Issued | OrderStatus::Reopened)
    }

    /// Overdue: the institution has not responded and the deadline passed.
    pub fn is_overdue(self, deadline: NaiveDate, today: NaiveDate) -> bool {
        self.awaits_institution() && today > deadline
    }
}
