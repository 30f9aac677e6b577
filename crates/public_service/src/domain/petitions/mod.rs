//! Pure rules of the director's mailbox (局长信箱) and petitions (信访):
//! what a letter must say, where a case stands (登记→受理→办理中→已答复→
//! 已评价, or 不予受理), its deadlines from the time limits, who may
//! approve a reply, and the reference numbers and personal data of
//! [`text`].

pub mod text;

#[cfg(test)]
mod tests;

use chrono::{Days, NaiveDate};
use platform::vocab::check::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};

pub use text::{parse_ref, redact, ref_no, valid_mobile};

platform::typed_id!(
    /// A petition (信访件): a letter, visit or call.
    PetitionId
);

platform::text_enum! {
    /// What a petition is about.
    pub enum Topic {
        Admission = "admission" "招生入学",
        Records = "records" "学籍转学",
        Fees = "fees" "收费",
        Ethics = "ethics" "师德师风",
        Safety = "safety" "校园安全",
        Aid = "aid" "资助",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// How a petition reached the bureau.
    pub enum Channel {
        Online = "online" "网上信箱",
        Letter = "letter" "来信",
        Visit = "visit" "来访",
        Call = "call" "来电",
        Reception = "reception" "局长接待日",
    }
}

platform::text_enum! {
    /// Where a case stands.
    pub enum Status {
        Registered = "registered" "登记",
        Accepted = "accepted" "受理",
        Drafted = "drafted" "办理中",
        Replied = "replied" "已答复",
        Rated = "rated" "已评价",
        Rejected = "rejected" "不予受理",
    }
}

platform::text_enum! {
    /// The writer's satisfaction (满意度) with the reply.
    pub enum Satisfaction {
        Satisfied = "satisfied" "满意",
        Basic = "basic" "基本满意",
        Unsatisfied = "unsatisfied" "不满意",
    }
}

impl Satisfaction {
    /// 满意 and 基本满意 count as satisfied in the 满意率.
    pub fn counts_as_satisfied(self) -> bool {
        self != Satisfaction::Unsatisfied
    }
}

/// A step of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// 受理: assigned to a section.
    Accept,
    /// 不予受理.
    Reject,
    /// A reply drafted (or redrafted) by the section.
    Draft,
    /// The draft approved by another person: the reply is sent.
    Approve,
    /// The writer's satisfaction, once.
    Rate,
    /// The reply deadline extended, once.
    Extend,
}

/// Why a step is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("该信访件当前状态为“{0}”，不能进行此操作")]
    WrongStatus(&'static str),
    #[error("答复须由起草人以外的人审核签发，不能审核自己起草的答复")]
    OwnDraft,
    #[error("办理期限只能延长一次")]
    AlreadyExtended,
}

/// The status after `step` from `from`, or why not.
pub fn next(from: Status, step: Step) -> Result<Status, StepError> {
    use Status::*;
    let to = match (from, step) {
        (Registered, Step::Accept) => Accepted,
        (Registered, Step::Reject) => Rejected,
        (Accepted | Drafted, Step::Draft) => Drafted,
        (Drafted, Step::Approve) => Replied,
        (Replied, Step::Rate) => Rated,
        (Accepted | Drafted, Step::Extend) => from,
        _ => return Err(StepError::WrongStatus(from.label())),
    };
    Ok(to)
}

/// A reply is approved by someone other than its author.
pub fn may_approve(author: Option<i64>, approver: Option<i64>) -> Result<(), StepError> {
    match (author, approver) {
        (Some(a), Some(b)) if a == b => Err(StepError::OwnDraft),
        _ => Ok(()),
    }
}

/// An extension is granted once.
pub fn may_extend(extended: bool) -> Result<(), StepError> {
    if extended {
        Err(StepError::AlreadyExtended)
    } else {
        Ok(())
    }
}

/// Still waiting for the bureau: not yet answered, rated or refused.
pub fn is_open(s: Status) -> bool {
    matches!(s, Status::Registered | Status::Accepted | Status::Drafted)
}

/// The time limits of petitions, in days (办理时限).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// To accept (受理) from receipt: 15.
    pub accept: u64,
    /// To reply from acceptance: 60.
    pub reply: u64,
    /// One extension of the reply deadline: 30.
    pub extension: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            accept: 15,
            reply: 60,
            extension: 30,
        }
    }
}

/// `days` after `day`.
pub fn after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

/// The day a case is due now: to be accepted while 登记, to be answered
/// while 受理/办理中; none once closed.
pub fn due(status: Status, accept_by: NaiveDate, reply_by: Option<NaiveDate>) -> Option<NaiveDate> {
    match status {
        Status::Registered => Some(accept_by),
        Status::Accepted | Status::Drafted => reply_by,
        _ => None,
    }
}

/// How a case stands against its deadline (时效).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Timeliness {
    /// 按期: open with time left, or answered by the deadline.
    OnTime,
    /// 即将到期: open and due within [`DUE_SOON_DAYS`].
    DueSoon,
    /// 逾期: open past its deadline, or answered after it.
    Overdue,
}

impl Timeliness {
    pub fn label(self) -> &'static str {
        match self {
            Timeliness::OnTime => "按期",
            Timeliness::DueSoon => "即将到期",
            Timeliness::Overdue => "逾期",
        }
    }
}

/// An open case is "due soon" this many days before its deadline.
pub const DUE_SOON_DAYS: i64 = 5;

/// The timeliness of an open case due on `due`, on `today`.
pub fn timeliness(due: NaiveDate, today: NaiveDate) -> Timeliness {
    let left = (due - today).num_days();
    if left < 0 {
        Timeliness::Overdue
    } else if left <= DUE_SOON_DAYS {
        Timeliness::DueSoon
    } else {
        Timeliness::OnTime
    }
}

/// Whether an answer given on `replied` met the deadline `reply_by`.
pub fn answered_on_time(replied: NaiveDate, reply_by: NaiveDate) -> bool {
    replied <= reply_by
}

/// The longest subject, content and name, in characters.
pub const MAX_SUBJECT: usize = 100;
pub const MAX_CONTENT: usize = 5000;
pub const MAX_NAME: usize = 30;
pub const MAX_REASON: usize = 500;
pub const MAX_REPLY: usize = 5000;

/// A petition as typed: on the public form or by the 办公室.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PetitionInput {
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub topic: String,
    pub subject: String,
    pub content: String,
    /// The channel (staff registration only; the public form is 网上信箱).
    pub channel: String,
    /// The leader who received a visit on the reception day.
    pub received_by: String,
    /// The day received (staff registration; today when empty).
    pub received_on: Option<NaiveDate>,
}

/// A petition checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetitionDraft {
    pub name: String,
    pub phone: String,
    pub id_number: String,
    pub topic: Topic,
    pub subject: String,
    pub content: String,
    pub channel: Channel,
    pub received_by: String,
    pub received_on: NaiveDate,
}

impl PetitionInput {
    /// Checks every field at once; `public` fixes the channel to 网上信箱
    /// and the day to `today`.
    pub fn parse(&self, public: bool, today: NaiveDate) -> Result<PetitionDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.required_text(Field::new("name", "姓名"), &self.name, MAX_NAME);
        let phone = self.phone.trim();
        if !valid_mobile(phone) {
            c.custom("phone", "请填写 11 位手机号码");
        }
        let id_number = self.id_number.trim();
        if !id_number.is_empty() && platform::vocab::identity::NationalId::parse(id_number).is_err()
        {
            c.custom("id_number", "身份证号格式不正确（可不填）");
        }
        let topic = Topic::parse(self.topic.trim());
        if topic.is_none() {
            c.custom("topic", "请选择信件类别");
        }
        let subject = c.required_text(Field::new("subject", "标题"), &self.subject, MAX_SUBJECT);
        let content = c.required_text(Field::new("content", "内容"), &self.content, MAX_CONTENT);
        let channel = if public {
            Some(Channel::Online)
        } else {
            Channel::parse(self.channel.trim()).filter(|ch| *ch != Channel::Online)
        };
        if channel.is_none() {
            c.custom("channel", "请选择来信、来访、来电或局长接待日");
        }
        let received_by = c.text(
            Field::new("received_by", "接待领导"),
            &self.received_by,
            MAX_NAME,
        );
        if channel == Some(Channel::Reception) && received_by.is_empty() {
            c.custom("received_by", "局长接待日请填写接待领导");
        }
        let received_on = if public {
            today
        } else {
            self.received_on.unwrap_or(today)
        };
        if received_on > today {
            c.custom("received_on", "收到日期不能晚于今天");
        }
        let errors = c.into_errors();
        match (topic, channel, errors.is_empty()) {
            (Some(topic), Some(channel), true) => Ok(PetitionDraft {
                name: name.to_string(),
                phone: phone.to_string(),
                id_number: id_number.to_uppercase(),
                topic,
                subject: subject.to_string(),
                content: content.to_string(),
                channel,
                received_by: received_by.to_string(),
                received_on,
            }),
            _ => Err(errors),
        }
    }
}

/// A required reason or reply text of at most `max` characters, trimmed.
pub fn required_text(
    key: &str,
    label: &str,
    v: &str,
    max: usize,
) -> Result<String, Vec<FieldError>> {
    let mut c = Checker::new();
    let v = c.required_text(Field::new(key, label), v, max).to_string();
    c.finish(v)
}

/// A share in percent, `None` when there is nothing to share.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}
