//! The checks of a staff record: every problem at once, each naming its
//! field, in the checker's wording.

use chrono::{Datelike, NaiveDate};
use platform::codes::{educations, ethnic_groups, political_statuses, CodeTable};
use platform::vocab::{Checker, NationalId, Sex, Stage};
use platform::FieldError;

use super::input::field;
use super::{parse_year_month, post_grades, CertificateType, Degree, StaffFields, StaffInput};
use crate::domain::{
    BackboneLevel, Establishment, PostCategory, StaffStatus, TitleLevel, TitleSeries,
};

/// A code of `table`, typed as code, name or short name.
fn code(c: &mut Checker, key: &'static str, v: &str, table: &CodeTable, required: bool) -> String {
    let f = field(key);
    let v = if required { c.required(f, v) } else { v.trim() };
    if v.is_empty() {
        return String::new();
    }
    match table.code_of(v) {
        Some(code) => code.to_string(),
        None => {
            c.custom(
                key,
                format!("{}“{v}”不在国家标准代码表中，请从下拉列表中选择", f.label),
            );
            String::new()
        }
    }
}

/// A value of a coded list, by key or label; `None` when empty or wrong.
fn coded<T: Copy>(
    c: &mut Checker,
    key: &'static str,
    v: &str,
    all: &[T],
    parse: fn(&str) -> Option<T>,
    label: fn(T) -> &'static str,
) -> Option<T> {
    let labels: Vec<&str> = all.iter().map(|t| label(*t)).collect();
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    let found = parse(v);
    if found.is_none() {
        c.custom(
            key,
            format!(
                "{}应为 {} 之一，而不是“{v}”",
                field(key).label,
                labels.join("、")
            ),
        );
    }
    found
}

fn year_month(c: &mut Checker, key: &'static str, v: &str) -> String {
    let v = v.trim();
    if v.is_empty() {
        return String::new();
    }
    parse_year_month(v).unwrap_or_else(|| {
        c.custom(
            key,
            format!("{}“{v}”无法识别，请写作 2010-09", field(key).label),
        );
        String::new()
    })
}

impl StaffInput {
    /// Every problem at once, each naming its field; `today` bounds the
    /// birth date in the ID number.
    pub fn validate(&self, today: NaiveDate) -> Result<StaffFields, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.required_text(field("name"), &self.name, 50).to_string();
        let id_field = field("national_id");
        let typed_id = c.required(id_field, &self.national_id);
        let id = c.parsed(id_field, typed_id, |v| NationalId::parse_at(v, today));
        let ethnicity = code(&mut c, "ethnicity", &self.ethnicity, ethnic_groups(), true);
        let politics = code(
            &mut c,
            "politics",
            &self.politics,
            political_statuses(),
            true,
        );
        let education = code(&mut c, "education", &self.education, educations(), true);
        let degree = coded(
            &mut c,
            "degree",
            &self.degree,
            Degree::ALL,
            Degree::parse,
            Degree::label,
        );
        let work_start = year_month(&mut c, "work_start", &self.work_start);
        let teaching_start = year_month(&mut c, "teaching_start", &self.teaching_start);
        c.required(field("post_category"), &self.post_category);
        let category = coded(
            &mut c,
            "post_category",
            &self.post_category,
            PostCategory::ALL,
            PostCategory::parse,
            PostCategory::label,
        );
        let grade_range = category.map_or(1..=13, post_grades);
        let post_grade = c.int(field("post_grade"), &self.post_grade, grade_range);
        c.required(field("establishment"), &self.establishment);
        let establishment = coded(
            &mut c,
            "establishment",
            &self.establishment,
            Establishment::ALL,
            Establishment::parse,
            Establishment::label,
        );
        let full_time = c.yes_no(field("full_time"), &self.full_time);
        let subjects = c
            .text(field("subjects"), &self.subjects, 100)
            .replace([',', '，', ';', '；'], "、");
        let stages: Vec<Stage> = Stage::ALL.to_vec();
        let stage = coded(
            &mut c,
            "stage",
            &self.stage,
            &stages,
            Stage::parse,
            Stage::label,
        );
        let series = coded(
            &mut c,
            "title_series",
            &self.title_series,
            TitleSeries::ALL,
            TitleSeries::parse,
            TitleSeries::label,
        );
        let level = coded(
            &mut c,
            "title_level",
            &self.title_level,
            TitleLevel::ALL,
            TitleLevel::parse,
            TitleLevel::label,
        )
        .unwrap_or(TitleLevel::None);
        let obtained = c.date(field("title_obtained_on"), &self.title_obtained_on);
        let appointed = c.date(field("title_appointed_on"), &self.title_appointed_on);
        let cert = coded(
            &mut c,
            "certificate_type",
            &self.certificate_type,
            CertificateType::ALL,
            CertificateType::parse,
            CertificateType::label,
        );
        let cert_subject = c
            .text(field("certificate_subject"), &self.certificate_subject, 20)
            .to_string();
        let cert_number = c
            .text(field("certificate_number"), &self.certificate_number, 30)
            .to_string();
        let backbone = coded(
            &mut c,
            "backbone_level",
            &self.backbone_level,
            BackboneLevel::ALL,
            BackboneLevel::parse,
            BackboneLevel::label,
        );
        let backbone_from = c.date(field("backbone_from"), &self.backbone_from);
        let backbone_to = c.date(field("backbone_to"), &self.backbone_to);
        let status = coded(
            &mut c,
            "status",
            &self.status,
            StaffStatus::ALL,
            StaffStatus::parse,
            StaffStatus::label,
        )
        .unwrap_or(StaffStatus::Active);

        if level != TitleLevel::None && !c.has_error("title_level") {
            if series.is_none() && !c.has_error("title_series") {
                c.custom(
                    "title_series",
                    "已评职称的须填写职称系列（中学、小学、幼儿园或中职）",
                );
            }
            if obtained.is_none() && !c.has_error("title_obtained_on") {
                c.custom("title_obtained_on", "已评职称的须填写职称取得日期");
            }
        }
        if let (Some(o), Some(a)) = (obtained, appointed) {
            if a < o {
                c.custom("title_appointed_on", "职称聘任日期不能早于职称取得日期");
            }
        }
        if cert.is_some() && cert_number.is_empty() {
            c.custom(
                "certificate_number",
                "填写了教师资格证种类的须填写教师资格证号码",
            );
        }
        if backbone.is_some() && backbone_from.is_none() && !c.has_error("backbone_from") {
            c.custom("backbone_from", "填写了骨干教师层级的须填写认定起始日期");
        }
        if let (Some(f), Some(t)) = (backbone_from, backbone_to) {
            if t < f {
                c.custom("backbone_to", "骨干认定截止日期不能早于起始日期");
            }
        }
        if !work_start.is_empty() && !teaching_start.is_empty() && teaching_start < work_start {
            c.custom("teaching_start", "从教年月不能早于参加工作年月");
        }
        if let Some(id) = &id {
            let adult = format!(
                "{:04}-{:02}",
                id.birth_date().year() + 16,
                id.birth_date().month()
            );
            if !work_start.is_empty() && work_start < adult {
                c.custom(
                    "work_start",
                    "参加工作年月早于年满 16 周岁，请核对参加工作年月或身份证件号",
                );
            }
        }
        let (Some(id), Some(post_category), Some(establishment)) = (id, category, establishment)
        else {
            return Err(c.into_errors());
        };
        let sex = match id.sex() {
            Sex::Male => "male",
            Sex::Female => "female",
        };
        let fields = StaffFields {
            name,
            sex: sex.to_string(),
            birth_date: id.birth_date(),
            national_id: id.to_string(),
            ethnicity,
            politics,
            education,
            degree: degree.map_or("", Degree::as_str).to_string(),
            work_start,
            teaching_start,
            post_category,
            post_grade,
            establishment,
            full_time,
            subjects,
            stage: stage.map(|s| s.key().to_string()),
            title_series: series,
            title_level: level,
            title_obtained_on: obtained,
            title_appointed_on: appointed,
            certificate_type: cert.map_or("", CertificateType::as_str).to_string(),
            certificate_subject: cert_subject,
            certificate_number: cert_number,
            backbone_level: backbone,
            backbone_from,
            backbone_to,
            status,
        };
        c.finish(fields)
    }
}
