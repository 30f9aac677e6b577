//! The report card (成绩单) of one pupil: the latest school year item by
//! item (result, score, rating), the BMI category, 标准分, 附加分, 学年总分
//! and its band; every school year side by side; the 毕业成绩 in a final
//! grade. A view of personal data: each one audited.

use platform::audit::Entry;
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::vocab::{Grade, SchoolYear, Sex};
use platform::AppError;
use platform::InstitutionId;
use serde::Serialize;

use super::class_label;
use crate::domain::reports::{format_result, graduation, Band, BmiCategory, GradeTotal};
use crate::domain::{standard, Item};
use crate::store::reports::card::{self as store, Test};

/// An item of a school year: its result, score and rating.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CardItem {
    pub item: Item,
    pub label: String,
    /// As measured, with its unit (the BMI for the BMI).
    pub result: Option<String>,
    pub score: Option<i64>,
    /// 优秀 … 不及格 (for the BMI its category: 正常, 低体重 …).
    pub rating: Option<String>,
}

/// One school year of the card.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CardYear {
    pub school_year: i64,
    pub year_label: String,
    pub grade: i64,
    pub grade_label: String,
    pub institution: String,
    pub class: String,
    pub exempt: bool,
    pub height: Option<String>,
    pub weight: Option<String>,
    pub bmi_category: Option<String>,
    pub items: Vec<CardItem>,
    /// 标准分, 附加分 and 学年总分 as printed ("87.5").
    pub standard_total: Option<String>,
    pub bonus: Option<i64>,
    pub total: Option<String>,
    pub band: Option<String>,
}

/// A pupil's report card.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Card {
    pub student_id: i64,
    pub name: String,
    pub sex: String,
    /// The latest school year.
    pub latest: CardYear,
    /// Every school year, oldest first.
    pub years: Vec<CardYear>,
    /// 毕业成绩, for a pupil whose latest test is in a final grade.
    pub graduation: Option<String>,
}

fn sex_of(code: &str) -> Sex {
    if code == "female" {
        Sex::Female
    } else {
        Sex::Male
    }
}

fn rating(item: Item, score: Option<i64>, bmi: Option<&str>) -> Option<String> {
    if item == Item::Bmi {
        let c = bmi?;
        return Some(
            BmiCategory::parse(c).map_or_else(|| c.to_string(), |k| k.label().to_string()),
        );
    }
    Some(Band::of_tenths(score? * 10).label().to_string())
}

fn year(t: &Test) -> CardYear {
    let h = &t.head;
    let sex = sex_of(&h.sex);
    let tested: Vec<Item> = u8::try_from(h.grade)
        .map(|g| {
            standard()
                .items_of(g, sex)
                .into_iter()
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default();
    let items = t
        .items
        .iter()
        .filter(|(item, ..)| tested.contains(item))
        .map(|(item, value, score)| CardItem {
            item: *item,
            label: item.label().into(),
            result: value.map(|v| format_result(*item, v)),
            score: *score,
            rating: rating(*item, *score, h.bmi_category.as_deref()),
        })
        .collect();
    CardYear {
        school_year: h.school_year,
        year_label: SchoolYear(h.school_year).label(),
        grade: h.grade,
        grade_label: Grade(h.grade).label().into(),
        institution: h.institution.clone(),
        class: class_label(h.grade, &h.class_name),
        exempt: h.exempt,
        height: t.height.map(|m| format!("{}厘米", m.format())),
        weight: t.weight.map(|m| format!("{}千克", m.format())),
        bmi_category: h.bmi_category.clone(),
        items,
        standard_total: t.standard_total.map(|v| v.to_string()),
        bonus: t.bonus,
        total: t.total.map(|v| v.to_string()),
        band: h
            .level
            .as_deref()
            .and_then(Band::parse)
            .map(|b| b.label().to_string()),
    }
}

/// The card of pupil `student`, if the caller's scope holds the pupil's
/// latest test (404 otherwise); the view audited.
pub async fn card(db: &Db, caller: &Caller, student: i64) -> Result<Card, AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    let tests = store::tests(db, reader.scope(), student).await?;
    let last = tests.last().ok_or(AppError::NotFound)?;
    let totals: Vec<GradeTotal> = tests.iter().filter_map(Test::grade_total).collect();
    let card = Card {
        student_id: student,
        name: last.head.name.clone(),
        sex: sex_of(&last.head.sex).label().into(),
        latest: year(last),
        years: tests.iter().map(year).collect(),
        graduation: graduation(last.head.grade, &totals).map(|t| t.to_string()),
    };
    let summary = format!("查看 {} 的体质健康成绩单", card.name);
    let entry = Entry::new("view", "fitness_card", summary)
        .id(student)
        .institution(Some(InstitutionId(last.head.institution_id)));
    reader.audit_view(entry).await?;
    Ok(card)
}
