//! The registry of unlicensed kindergartens (无证幼儿园): the statuses one
//! goes through and the rule each change of status follows.

use chrono::NaiveDate;

platform::typed_id!(
    /// An unlicensed kindergarten.
    UnlicensedId
);

platform::text_enum! {
    /// Where an unlicensed kindergarten stands.
    pub enum Status {
        Found = "found" "排查发现",
        Rectifying = "rectifying" "整改中",
        Banned = "banned" "取缔",
        Compliant = "compliant" "转为合规",
        Stopped = "stopped" "停办",
    }
}

impl Status {
    /// Whether the case is closed (取缔, 转为合规 or 停办): nothing changes after.
    pub fn is_ended(self) -> bool {
        matches!(self, Status::Banned | Status::Compliant | Status::Stopped)
    }
}

/// A change of status as a user asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// 责令整改 by a deadline (again, to extend it).
    Rectify { deadline: NaiveDate },
    /// 取缔 or 停办 on a date, saying where the children went.
    End {
        to: Status,
        on: NaiveDate,
        placement: String,
    },
    /// 转为合规 on a date, after a visit that found it compliant.
    Comply { on: NaiveDate },
}

/// Why a change is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    #[error("该无证幼儿园已{0}，不能再变更状态")]
    Ended(&'static str),
    #[error("整改期限应晚于今天")]
    DeadlineNotAfterToday,
    #[error("办结日期不能晚于今天")]
    InFuture,
    #[error("办结日期不能早于发现日期")]
    BeforeFound,
    #[error("请填写在园幼儿的去向")]
    NoPlacement,
    #[error("只有整改中的无证幼儿园才能转为合规")]
    NotRectifying,
    #[error("转为合规前须有整改期间的复查走访记录")]
    NoVisit,
    #[error("状态只能变为取缔或停办")]
    NotAnEnd,
}

impl ChangeError {
    /// The form field the refusal belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            ChangeError::DeadlineNotAfterToday => "deadline",
            ChangeError::InFuture | ChangeError::BeforeFound => "on",
            ChangeError::NoPlacement => "placement",
            _ => "status",
        }
    }
}

/// What an unlicensed kindergarten is, as far as its changes of status
/// care.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    pub status: Status,
    pub found_on: NaiveDate,
    pub children: i64,
    /// The latest visit's date, if any.
    pub last_visit: Option<NaiveDate>,
    /// When rectification was ordered (the first time), if ever.
    pub rectifying_since: Option<NaiveDate>,
}

/// The status after `change`, or why it is refused.
pub fn apply(case: &Case, change: &Change, today: NaiveDate) -> Result<Status, ChangeError> {
    if case.status.is_ended() {
        return Err(ChangeError::Ended(case.status.label()));
    }
    let ended_on = |on: NaiveDate| {
        if on > today {
            Err(ChangeError::InFuture)
        } else if on < case.found_on {
            Err(ChangeError::BeforeFound)
        } else {
            Ok(())
        }
    };
    match change {
        Change::Rectify { deadline } => {
            if *deadline <= today {
                return Err(ChangeError::DeadlineNotAfterToday);
            }
            Ok(Status::Rectifying)
        }
        Change::End { to, on, placement } => {
            if !matches!(to, Status::Banned | Status::Stopped) {
                return Err(ChangeError::NotAnEnd);
            }
            ended_on(*on)?;
            if case.children > 0 && placement.trim().is_empty() {
                return Err(ChangeError::NoPlacement);
            }
            Ok(*to)
        }
        Change::Comply { on } => {
            if case.status != Status::Rectifying {
                return Err(ChangeError::NotRectifying);
            }
            ended_on(*on)?;
            let visited = matches!(
                (case.last_visit, case.rectifying_since),
                (Some(v), Some(since)) if v >= since
            );
            if !visited {
                return Err(ChangeError::NoVisit);
            }
            Ok(Status::Compliant)
        }
    }
}

/// Whether the rectification deadline has passed with the case still open.
pub fn is_overdue(status: Status, deadline: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == Status::Rectifying && deadline.is_some_and(|d| d < today)
}

#[cfg(test)]
mod tests;
