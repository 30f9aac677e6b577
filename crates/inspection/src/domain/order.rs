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

/// The number of the `n`th order an owner issued in `year`, as printed on
/// the notice: 督改〔2026〕3号, 民改〔2026〕1号, 安改〔2026〕12号.
pub fn order_number(owner: super::Owner, year: i32, n: i64) -> String {
    let prefix = match owner {
        super::Owner::Supervision => "督改",
        super::Owner::Private => "民改",
        super::Owner::Safety => "安改",
    };
    format!("{prefix}〔{year}〕{n}号")
}

/// Closed orders by whether they were closed by their deadline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Closings {
    pub on_time: i64,
    pub late: i64,
}

impl Closings {
    /// 整改按期完成率: the share of closed orders closed by their deadline,
    /// in percent; none when no order was closed.
    pub fn on_time_rate(self) -> Option<f64> {
        let all = self.on_time + self.late;
        (all > 0).then(|| self.on_time as f64 * 100.0 / all as f64)
    }
}

platform::text_enum! {
    /// A step of an order's history (整改过程) as stored.
    pub enum StepKind {
        Respond = "respond" "报送整改情况",
        Close = "close" "复查通过，销号",
        Reopen = "reopen" "复查未通过，重新整改",
    }
}

impl OrderEvent {
    /// How the event is stored in the order's history.
    pub fn kind(self) -> StepKind {
        match self {
            OrderEvent::Respond { .. } => StepKind::Respond,
            OrderEvent::Close { .. } => StepKind::Close,
            OrderEvent::Reopen { .. } => StepKind::Reopen,
        }
    }
}
