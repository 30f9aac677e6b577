//! Values a schoolchild can plausibly reach, per field: wide enough for
//! every real pupil from 一年级 to 高三, narrow enough to catch a typing
//! slip (a 50 m run of 2 s, a vital capacity of 100,000 ml, a negative
//! weight). Bounds are in tenths of the field's unit, inclusive.

use super::field::Field;
use crate::domain::item::Item;
use crate::domain::measure::Measure;

/// The plausible values of `field`, (lowest, highest) in tenths.
pub fn range(field: Field) -> (i64, i64) {
    match field {
        // 80 cm to 230 cm; 10 kg to 200 kg.
        Field::Height => (800, 2_300),
        Field::Weight => (100, 2_000),
        Field::Item(item) => match item {
            // 300 to 9,000 ml.
            Item::VitalCapacity => (3_000, 90_000),
            // Faster than 5 s is faster than the world record's pace.
            Item::Sprint50m => (50, 300),
            Item::SitAndReach => (-300, 400),
            Item::RopeSkipping => (0, 3_000),
            Item::SitUps => (0, 1_000),
            Item::PullUps => (0, 600),
            Item::StandingLongJump => (300, 3_500),
            // 1'00" to 5'00".
            Item::Shuttle8x50m => (600, 3_000),
            // 2'00" to 15'00".
            Item::Run800m | Item::Run1000m => (1_200, 9_000),
            // Computed, never recorded.
            Item::Bmi => (0, 0),
        },
    }
}

/// Refuses a value no schoolchild reaches, saying what would be plausible.
pub fn check_plausible(field: Field, value: Measure) -> Result<(), String> {
    let (low, high) = range(field);
    if (low..=high).contains(&value.0) {
        return Ok(());
    }
    let unit = field.unit();
    Err(format!(
        "{} {} {unit}不合理（应在 {}～{} {unit}之间），请核对",
        field.label(),
        value.format(),
        Measure(low).format(),
        Measure(high).format(),
    ))
}
