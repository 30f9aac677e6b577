//! The staff list's filters: as typed in the URL ([`StaffFilter`]), and
//! checked into codes ([`StaffQuery`]) with a Chinese message naming the
//! field when a value is not one the list knows.

use platform::vocab::Stage;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::{BackboneLevel, Establishment, StaffStatus, TitleLevel};

/// Filters of the staff list (教职工名单), all optional; the same for the
/// page, the export and the API.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct StaffFilter {
    /// Name (prefix) or full national ID number.
    pub q: Option<String>,
    /// Where the person works now (see migration 0640).
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub institution_id: Option<i64>,
    /// 乡镇（街道） of the institution where the person works now.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub township_id: Option<i64>,
    /// 任教学段: preschool, primary, junior, senior, vocational.
    pub stage: Option<String>,
    /// A subject taught (语文, 数学, …).
    pub subject: Option<String>,
    /// 职称等级: none, third, second, first, senior, professor.
    pub title_level: Option<String>,
    /// 编制: in_quota, outside_quota, substitute.
    pub establishment: Option<String>,
    /// 骨干层级: special, subject_leader, backbone, expert, rising, or any.
    pub backbone_level: Option<String>,
    /// 在职状态: active (the default), left, retired, or all.
    pub status: Option<String>,
    /// 专任教师: yes or no.
    pub full_time: Option<String>,
    /// Order: name (the default) or -name.
    pub sort: Option<String>,
    /// 1-based page.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

/// What a text query looks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Search {
    /// Names starting with this.
    Name(String),
    /// This national ID number (upper case).
    NationalId(String),
}

/// Which 骨干 holders the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backbone {
    Level(BackboneLevel),
    /// Anyone with a 骨干 level.
    Any,
}

/// A checked filter: codes parsed, blanks dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaffQuery {
    pub search: Option<Search>,
    pub institution_id: Option<i64>,
    pub township_id: Option<i64>,
    pub stage: Option<Stage>,
    pub subject: Option<String>,
    pub title_level: Option<TitleLevel>,
    pub establishment: Option<Establishment>,
    pub backbone: Option<Backbone>,
    /// None: every status.
    pub status: Option<StaffStatus>,
    pub full_time: Option<bool>,
    pub descending: bool,
    pub page: i64,
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn code<T>(
    v: &Option<String>,
    field: &str,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, AppError> {
    match blank(v) {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            AppError::invalid(field, format!("无法识别的{what}“{s}”，请从列表中选择"))
        }),
    }
}

/// Whether a query is a document number rather than a name: 15 or more
/// letters and digits.
pub fn is_id_number(text: &str) -> bool {
    text.len() >= 15 && text.chars().all(|c| c.is_ascii_alphanumeric())
}

impl StaffFilter {
    /// The filter's codes checked; an unknown one is refused naming its field.
    pub fn check(&self) -> Result<StaffQuery, AppError> {
        let search = blank(&self.q).map(|t| {
            if is_id_number(t) {
                Search::NationalId(t.to_uppercase())
            } else {
                Search::Name(t.to_string())
            }
        });
        let status = match blank(&self.status) {
            None => Some(StaffStatus::Active),
            Some("all") => None,
            Some(_) => code(&self.status, "status", "在职状态", StaffStatus::parse)?,
        };
        let backbone = code(
            &self.backbone_level,
            "backbone_level",
            "骨干层级",
            |s| {
                if s == "any" {
                    Some(Backbone::Any)
                } else {
                    BackboneLevel::parse(s).map(Backbone::Level)
                }
            },
        )?;
        let full_time = code(&self.full_time, "full_time", "专任教师条件", |s| match s {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        })?;
        let descending = code(&self.sort, "sort", "排序方式", |s| match s {
            "name" => Some(false),
            "-name" => Some(true),
            _ => None,
        })?
        .unwrap_or(false);
        Ok(StaffQuery {
            search,
            institution_id: self.institution_id,
            township_id: self.township_id,
            stage: code(&self.stage, "stage", "任教学段", Stage::parse)?,
            subject: blank(&self.subject).map(str::to_string),
            title_level: code(
                &self.title_level,
                "title_level",
                "职称等级",
                TitleLevel::parse,
            )?,
            establishment: code(
                &self.establishment,
                "establishment",
                "编制情况",
                Establishment::parse,
            )?,
            backbone,
            status,
            full_time,
            descending,
            page: self.page.unwrap_or(1).clamp(1, 100_000),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(set: impl FnOnce(&mut StaffFilter)) -> StaffFilter {
        let mut f = StaffFilter::default();
        set(&mut f);
        f
    }

    #[test]
    fn an_empty_filter_lists_active_staff_by_name() {
        let q = StaffFilter::default().check().unwrap();
        assert_eq!(q.status, Some(StaffStatus::Active));
        assert_eq!(q.page, 1);
        assert!(!q.descending);
        assert_eq!(q.search, None);
        let blanks = f(|f| {
            f.q = Some("  ".into());
            f.stage = Some("".into());
            f.status = Some(" ".into());
        });
        assert_eq!(
            blanks.check().unwrap(),
            StaffFilter::default().check().unwrap()
        );
    }

    #[test]
    fn codes_and_labels_are_read() {
        let q = f(|f| {
            f.stage = Some("初中".into());
            f.title_level = Some("senior".into());
            f.establishment = Some("代课".into());
            f.backbone_level = Some("any".into());
            f.status = Some("all".into());
            f.full_time = Some("no".into());
            f.sort = Some("-name".into());
            f.subject = Some(" 数学 ".into());
            f.page = Some(0);
        })
        .check()
        .unwrap();
        assert_eq!(q.stage, Some(Stage::Junior));
        assert_eq!(q.title_level, Some(TitleLevel::Senior));
        assert_eq!(q.establishment, Some(Establishment::Substitute));
        assert_eq!(q.backbone, Some(Backbone::Any));
        assert_eq!(q.status, None);
        assert_eq!(q.full_time, Some(false));
        assert!(q.descending);
        assert_eq!(q.subject.as_deref(), Some("数学"));
        assert_eq!(q.page, 1);
        let q = f(|f| {
            f.backbone_level = Some("学科带头人".into());
            f.status = Some("retired".into());
            f.full_time = Some("yes".into());
            f.sort = Some("name".into());
            f.page = Some(7);
        })
        .check()
        .unwrap();
        assert_eq!(
            q.backbone,
            Some(Backbone::Level(BackboneLevel::SubjectLeader))
        );
        assert_eq!(q.status, Some(StaffStatus::Retired));
        assert_eq!(q.full_time, Some(true));
        assert!(!q.descending);
        assert_eq!(q.page, 7);
    }

    #[test]
    fn unknown_codes_name_their_field() {
        type Set = fn(&mut StaffFilter);
        let cases: [(&str, Set); 7] = [
            ("stage", |f| f.stage = Some("大学".into())),
            ("title_level", |f| f.title_level = Some("x".into())),
            ("establishment", |f| f.establishment = Some("x".into())),
            ("backbone_level", |f| f.backbone_level = Some("x".into())),
            ("status", |f| f.status = Some("x".into())),
            ("full_time", |f| f.full_time = Some("1".into())),
            ("sort", |f| f.sort = Some("age".into())),
        ];
        for (field, set) in cases {
            let err = f(set).check().unwrap_err();
            assert!(
                matches!(&err, AppError::Invalid(errors) if errors.iter().any(|e| e.field == field)),
                "{field}: {err:?}"
            );
        }
    }

    #[test]
    fn a_number_of_fifteen_or_more_is_an_id() {
        let q = f(|f| f.q = Some("33050319850301001x".into()))
            .check()
            .unwrap();
        assert_eq!(
            q.search,
            Some(Search::NationalId("33050319850301001X".into()))
        );
        let q = f(|f| f.q = Some("王".into())).check().unwrap();
        assert_eq!(q.search, Some(Search::Name("王".into())));
        assert!(is_id_number("123456789012345"));
        assert!(!is_id_number("12345678901234"));
        assert!(!is_id_number("王12345678901234"));
    }
}
