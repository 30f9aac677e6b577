//! Pure rules of the activities: distance-learning resources (远程学习资源),
//! events and honours (学习节, 终身学习活动周, 一街一品, 百姓学习之星), and
//! held sessions of adult training (实用技术培训, 职业技能培训) and early
//! education (0–3 岁早教指导) with their coverage.

use chrono::NaiveDate;
use platform::error::FieldError;
use platform::vocab::check::{Checker, Field};
use serde::{Deserialize, Serialize};

platform::typed_id!(
    /// A distance-learning resource (远程学习资源).
    ResourceId
);
platform::typed_id!(
    /// An event or honour (活动与荣誉).
    EventId
);
platform::typed_id!(
    /// A held training or early-education session (培训).
    TrainingId
);

platform::text_enum! {
    /// What a resource is.
    pub enum ResourceKind {
        Video = "video" "视频",
        Document = "document" "文档",
        Link = "link" "网站链接",
        Course = "course" "在线课程",
    }
}

platform::text_enum! {
    /// What an event or honour is.
    pub enum EventKind {
        Festival = "festival" "学习节",
        Week = "week" "终身学习活动周",
        OneStreet = "one_street" "一街一品",
        Star = "star" "百姓学习之星",
    }
}

platform::text_enum! {
    /// What a training session is.
    pub enum TrainingKind {
        Practical = "practical" "实用技术培训",
        Vocational = "vocational" "职业技能培训",
        Early = "early" "0–3岁早教指导",
    }
}

pub const MAX_TITLE: usize = 100;
pub const MAX_TEXT: usize = 1000;
pub const MAX_URL: usize = 500;
pub const MAX_COUNT: i64 = 1_000_000;

/// Coverage of early education (早教覆盖率, %): families reached over the
/// 0–3 children of the catchment, at most 100; none without children.
pub fn coverage(families: i64, children: i64) -> Option<f64> {
    (children > 0).then(|| (families.max(0) as f64 * 100.0 / children as f64).min(100.0))
}

/// Whether a link may be offered to citizens: http(s) with a host, no
/// spaces (so no `javascript:` or local file).
pub fn valid_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

fn kind<T: platform::text_enum::TextEnum>(c: &mut Checker, f: Field, v: &str) -> Option<T> {
    if v.trim().is_empty() {
        c.custom(f.key, format!("请选择{}", f.label));
        return None;
    }
    c.parsed(f, v, |v| T::parse(v).ok_or("不是可选的类型"))
}

fn count(c: &mut Checker, f: Field, v: &str, required: bool) -> Option<i64> {
    if required && v.trim().is_empty() {
        c.custom(f.key, format!("请填写{}", f.label));
    }
    c.int(f, v, 0..=MAX_COUNT)
}

/// A resource as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ResourceInput {
    pub title: String,
    /// `video`, `document`, `link` or `course`.
    pub kind: String,
    pub subject: String,
    pub provider: String,
    /// http(s) address of the file, page or course.
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ResourceDraft {
    pub title: String,
    pub kind: ResourceKind,
    pub subject: String,
    pub provider: String,
    pub url: String,
}

impl ResourceInput {
    pub fn parse(&self) -> Result<ResourceDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c.required_text(Field::new("title", "资源名称"), &self.title, MAX_TITLE);
        let kind = kind(&mut c, Field::new("kind", "资源类型"), &self.kind);
        let subject = c.text(Field::new("subject", "学科门类"), &self.subject, MAX_TITLE);
        let provider = c.text(
            Field::new("provider", "提供单位"),
            &self.provider,
            MAX_TITLE,
        );
        let url = c.required_text(Field::new("url", "资源地址"), &self.url, MAX_URL);
        if !url.is_empty() && !valid_url(url) {
            c.custom("url", "资源地址应以 http:// 或 https:// 开头");
        }
        match kind {
            Some(kind) => c.finish(ResourceDraft {
                title: title.into(),
                kind,
                subject: subject.into(),
                provider: provider.into(),
                url: url.into(),
            }),
            None => Err(c.into_errors()),
        }
    }
}

/// An event or honour as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EventInput {
    pub title: String,
    /// `festival`, `week`, `one_street` or `star`.
    pub kind: String,
    pub year: String,
    pub township_id: Option<i64>,
    pub description: String,
    /// People who took part (for 百姓学习之星: the number honoured).
    pub participants: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventDraft {
    pub title: String,
    pub kind: EventKind,
    pub year: i64,
    pub township_id: i64,
    pub description: String,
    pub participants: i64,
}

impl EventInput {
    pub fn parse(&self) -> Result<EventDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c.required_text(Field::new("title", "活动名称"), &self.title, MAX_TITLE);
        let kind = kind(&mut c, Field::new("kind", "活动类型"), &self.kind);
        let year = count(&mut c, Field::new("year", "年度"), &self.year, true)
            .filter(|y| (2000..=2100).contains(y));
        if !c.has_error("year") && year.is_none() {
            c.custom("year", "年度应在 2000 到 2100 之间");
        }
        if self.township_id.is_none() {
            c.custom("township_id", "请选择乡镇（街道）");
        }
        let description = c.text(
            Field::new("description", "活动简介"),
            &self.description,
            MAX_TEXT,
        );
        let participants = count(
            &mut c,
            Field::new("participants", "参与人数"),
            &self.participants,
            false,
        )
        .unwrap_or(0);
        match (kind, year, self.township_id) {
            (Some(kind), Some(year), Some(township_id)) => c.finish(EventDraft {
                title: title.into(),
                kind,
                year,
                township_id,
                description: description.into(),
                participants,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A held training session as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TrainingInput {
    /// The institution that held it (an institution's own account: its own).
    pub institution_id: Option<i64>,
    /// `practical`, `vocational` or `early`.
    pub kind: String,
    pub title: String,
    /// YYYY-MM-DD, not after today.
    pub held_on: String,
    /// 人次: attendances counted.
    pub attendances: String,
    /// Class hours (学时).
    pub hours: String,
    pub certificates: String,
    /// Early education only: families reached.
    pub families: String,
    /// Early education only: 0–3 children of the catchment.
    pub children: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrainingDraft {
    pub kind: TrainingKind,
    pub title: String,
    pub held_on: NaiveDate,
    pub attendances: i64,
    pub hours: i64,
    pub certificates: i64,
    pub families: Option<i64>,
    pub children: Option<i64>,
}

impl TrainingInput {
    pub fn parse(&self, today: NaiveDate) -> Result<TrainingDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let kind = kind(&mut c, Field::new("kind", "培训类型"), &self.kind);
        let title = c.required_text(Field::new("title", "培训名称"), &self.title, MAX_TITLE);
        let held = Field::new("held_on", "培训日期");
        let held_on = c.date(held, &self.held_on);
        if self.held_on.trim().is_empty() {
            c.custom("held_on", "请填写培训日期");
        }
        if held_on.is_some_and(|d| d > today) {
            c.custom("held_on", "培训日期不能晚于今天");
        }
        let attendances = count(
            &mut c,
            Field::new("attendances", "培训人次"),
            &self.attendances,
            true,
        );
        if attendances == Some(0) {
            c.custom("attendances", "培训人次应大于 0");
        }
        let hours = count(&mut c, Field::new("hours", "学时"), &self.hours, false).unwrap_or(0);
        let certificates = count(
            &mut c,
            Field::new("certificates", "发证数"),
            &self.certificates,
            false,
        )
        .unwrap_or(0);
        if attendances.is_some_and(|a| certificates > a) {
            c.custom("certificates", "发证数不能多于培训人次");
        }
        let early = kind == Some(TrainingKind::Early);
        let families = count(
            &mut c,
            Field::new("families", "覆盖家庭数"),
            &self.families,
            early,
        );
        let children = count(
            &mut c,
            Field::new("children", "0–3岁儿童数"),
            &self.children,
            early,
        );
        if !early && (families.is_some() || children.is_some()) {
            c.custom("families", "覆盖家庭数和儿童数只用于早教指导");
        }
        match (kind, held_on, attendances) {
            (Some(kind), Some(held_on), Some(attendances)) => c.finish(TrainingDraft {
                kind,
                title: title.into(),
                held_on,
                attendances,
                hours,
                certificates,
                families,
                children,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
#[path = "activities_tests.rs"]
mod tests;
