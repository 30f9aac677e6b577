//! What the bureau enters for a plan, a post and an applicant, and the
//! checks each passes before it is stored. Every field is read as text
//! (forms, JSON numbers or strings, spreadsheet cells alike).

use platform::vocab::{Checker, Field, NationalId, Stage};
use platform::FieldError;
use serde::{Deserialize, Deserializer, Serialize};

use super::{Score, Weights};

/// A JSON number or string as text, so one input serves forms and JSON.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// 招聘计划 as entered.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlanInput {
    #[serde(deserialize_with = "text")]
    pub year: String,
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub written_weight: String,
    #[serde(deserialize_with = "text")]
    pub interview_weight: String,
}

/// A checked plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub year: i64,
    pub name: String,
    pub weights: Weights,
}

pub const PLAN_FIELDS: [(&str, &str); 4] = [
    ("year", "招聘年度"),
    ("name", "计划名称"),
    ("written_weight", "笔试权重（%）"),
    ("interview_weight", "面试权重（%）"),
];

const fn field(fields: &'static [(&'static str, &'static str)], i: usize) -> Field<'static> {
    Field::new(fields[i].0, fields[i].1)
}

impl PlanInput {
    pub fn validate(&self) -> Result<Plan, Vec<FieldError>> {
        let f = |i| field(&PLAN_FIELDS, i);
        let mut c = Checker::new();
        let year_text = c.required(f(0), &self.year);
        let year = c.int(f(0), year_text, 2000..=2100);
        let name = c.required_text(f(1), &self.name, 60).to_string();
        let written_text = c.required(f(2), &self.written_weight);
        let written = c.int(f(2), written_text, 0..=100);
        let interview_text = c.required(f(3), &self.interview_weight);
        let interview = c.int(f(3), interview_text, 0..=100);
        let weights = match (written, interview) {
            (Some(w), Some(i)) => Weights::new(w, i)
                .map_err(|e| c.custom("interview_weight", e))
                .ok(),
            _ => None,
        };
        match (year, weights) {
            (Some(year), Some(weights)) if c.is_ok() => Ok(Plan {
                year,
                name,
                weights,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// 教师资格证种类, lowest stage first; a certificate qualifies for its
/// own stage and those below it (《教师法》第十一条), except the 实习指导
/// certificate, for vocational schools only.
pub const CERTIFICATES: [&str; 6] = [
    "幼儿园教师资格",
    "小学教师资格",
    "初级中学教师资格",
    "高级中学教师资格",
    "中等职业学校教师资格",
    "中等职业学校实习指导教师资格",
];

/// Whether a certificate qualifies its holder to teach at `stage`.
pub fn certificate_covers(certificate: &str, stage: Stage) -> bool {
    let needed = match stage {
        Stage::Preschool => 0,
        Stage::Primary => 1,
        Stage::Junior => 2,
        Stage::Senior => 3,
        Stage::Vocational => {
            return certificate.starts_with("中等职业学校") || certificate == CERTIFICATES[3]
        }
    };
    CERTIFICATES[..4]
        .iter()
        .position(|c| *c == certificate)
        .is_some_and(|held| held >= needed)
}

/// 招聘岗位 as entered.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PostInput {
    #[serde(deserialize_with = "text")]
    pub institution_id: String,
    /// 学段: key or label (小学, 初中 …).
    #[serde(deserialize_with = "text")]
    pub stage: String,
    #[serde(deserialize_with = "text")]
    pub subject: String,
    #[serde(deserialize_with = "text")]
    pub places: String,
    #[serde(deserialize_with = "text")]
    pub requirements: String,
}

/// A checked post.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Post {
    pub institution_id: i64,
    pub stage: Stage,
    pub subject: String,
    pub places: i64,
    pub requirements: String,
}

pub const POST_FIELDS: [(&str, &str); 5] = [
    ("institution_id", "招聘单位"),
    ("stage", "学段"),
    ("subject", "学科"),
    ("places", "招聘人数"),
    ("requirements", "岗位要求"),
];

impl PostInput {
    pub fn validate(&self) -> Result<Post, Vec<FieldError>> {
        let f = |i| field(&POST_FIELDS, i);
        let mut c = Checker::new();
        let institution_text = c.required(f(0), &self.institution_id);
        let institution = c.int(f(0), institution_text, 1..=i64::MAX);
        let stage_text = c.required(f(1), &self.stage);
        let stage = c.parsed(f(1), stage_text, |s| {
            Stage::parse(s).ok_or(format!(
                "“{s}”不是学段，应为 学前、小学、初中、高中、中职 之一"
            ))
        });
        let subject = c.required_text(f(2), &self.subject, 20).to_string();
        let places_text = c.required(f(3), &self.places);
        let places = c.int(f(3), places_text, 1..=500);
        let requirements = c.text(f(4), &self.requirements, 500).to_string();
        match (institution, stage, places) {
            (Some(institution_id), Some(stage), Some(places)) if c.is_ok() => Ok(Post {
                institution_id,
                stage,
                subject,
                places,
                requirements,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// 报考人员 as entered.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ApplicantInput {
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub national_id: String,
    /// 学历: 研究生、本科、专科 …
    #[serde(deserialize_with = "text")]
    pub education: String,
    /// One of [`CERTIFICATES`].
    #[serde(deserialize_with = "text")]
    pub certificate_type: String,
    #[serde(deserialize_with = "text")]
    pub certificate_subject: String,
}

/// A checked applicant.
#[derive(Clone, Debug, PartialEq)]
pub struct Applicant {
    pub name: String,
    pub national_id: NationalId,
    pub education: String,
    pub certificate_type: String,
    pub certificate_subject: String,
}

pub const APPLICANT_FIELDS: [(&str, &str); 5] = [
    ("name", "姓名"),
    ("national_id", "身份证件号"),
    ("education", "学历"),
    ("certificate_type", "教师资格证种类"),
    ("certificate_subject", "教师资格证任教学科"),
];

/// 学历 an applicant may hold, highest first.
pub const EDUCATIONS: [&str; 5] = ["博士研究生", "硕士研究生", "本科", "专科", "高中阶段"];

impl ApplicantInput {
    /// The applicant for a post at `stage`, whose certificate must cover it.
    pub fn validate(&self, stage: Stage) -> Result<Applicant, Vec<FieldError>> {
        let f = |i| field(&APPLICANT_FIELDS, i);
        let mut c = Checker::new();
        let name = c.required_text(f(0), &self.name, 30).to_string();
        let id_text = c.required(f(1), &self.national_id);
        let id = c.parsed(f(1), id_text, NationalId::parse);
        let education_text = c.required(f(2), &self.education);
        let education = c.one_of(f(2), education_text, &EDUCATIONS).to_string();
        let cert_text = c.required(f(3), &self.certificate_type);
        let cert = c.one_of(f(3), cert_text, &CERTIFICATES).to_string();
        if !cert.is_empty() && !c.has_error("certificate_type") && !certificate_covers(&cert, stage)
        {
            c.custom(
                "certificate_type",
                format!(
                    "{cert}不能在{}任教，请核对报考岗位或资格证种类",
                    stage.label()
                ),
            );
        }
        let certificate_subject = c
            .required_text(f(4), &self.certificate_subject, 20)
            .to_string();
        match id {
            Some(national_id) if c.is_ok() => Ok(Applicant {
                name,
                national_id,
                education,
                certificate_type: cert,
                certificate_subject,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// 成绩 as entered: either may be left empty until known.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ScoresInput {
    #[serde(deserialize_with = "text")]
    pub written_score: String,
    #[serde(deserialize_with = "text")]
    pub interview_score: String,
}

pub const SCORE_FIELDS: [(&str, &str); 2] = [
    ("written_score", "笔试成绩"),
    ("interview_score", "面试成绩"),
];

impl ScoresInput {
    pub fn validate(&self) -> Result<(Option<Score>, Option<Score>), Vec<FieldError>> {
        let f = |i| field(&SCORE_FIELDS, i);
        let mut c = Checker::new();
        let written = c.parsed(f(0), &self.written_score, Score::parse);
        let interview = c.parsed(f(1), &self.interview_score, Score::parse);
        c.finish((written, interview))
    }
}
