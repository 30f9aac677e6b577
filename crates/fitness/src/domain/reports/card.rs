//! What a report card (成绩单) shows beyond the scores: results with their
//! units, and which school years make the 毕业成绩.

use platform::vocab::Grade;

use crate::domain::{graduation_total, Item, Measure, Tenths};

/// A school year's 学年总分 in a grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradeTotal {
    pub grade: i64,
    pub total: Tenths,
}

/// 毕业成绩 of a pupil in a final grade (六年级, 初三, 高三): the final
/// year's total × 50% plus the average of the stage's other years × 50%.
/// None outside a final grade or without the final year's total. Years of
/// another stage (primary results of a junior pupil) do not count.
pub fn graduation(final_grade: i64, years: &[GradeTotal]) -> Option<Tenths> {
    let grade = Grade(final_grade);
    if !(grade.is_final() && (1..=12).contains(&final_grade)) {
        return None;
    }
    let last = years.iter().find(|y| y.grade == final_grade)?.total;
    let others: Vec<Tenths> = years
        .iter()
        .filter(|y| y.grade < final_grade && Grade(y.grade).stage() == grade.stage())
        .map(|y| y.total)
        .collect();
    Some(graduation_total(last, &others))
}

/// The unit a result is written in.
pub fn unit(item: Item) -> &'static str {
    match item {
        Item::Bmi => "",
        Item::VitalCapacity => "毫升",
        Item::Sprint50m | Item::Shuttle8x50m | Item::Run1000m | Item::Run800m => "秒",
        Item::SitAndReach | Item::StandingLongJump => "厘米",
        Item::RopeSkipping | Item::SitUps | Item::PullUps => "次",
    }
}

/// A result as a card prints it: long runs as 分'秒" (3'35"), the others
/// with their unit ("10.2秒", "1700毫升", "17.1" for the BMI).
pub fn format_result(item: Item, value: Measure) -> String {
    if item.is_long_run() && value.0 >= 600 {
        let tenths = value.0 % 600;
        let seconds = Measure(tenths).format();
        let pad = if tenths < 100 { "0" } else { "" };
        return format!("{}'{pad}{seconds}\"", value.0 / 600);
    }
    format!("{}{}", value.format(), unit(item))
}
