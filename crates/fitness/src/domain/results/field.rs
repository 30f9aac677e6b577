//! The fields of a test sheet: 身高, 体重 and the test items, with their
//! names on the form, in the national template and in the database.

use platform::vocab::Sex;

use crate::domain::item::Item;
use crate::domain::measure::Measure;
use crate::domain::standard::standard;

/// A field of a test sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// 身高, tenths of a centimetre.
    Height,
    /// 体重, tenths of a kilogram.
    Weight,
    Item(Item),
}

impl Field {
    /// In the order of the national template's result columns.
    pub const ALL: [Field; 12] = [
        Field::Height,
        Field::Weight,
        Field::Item(Item::VitalCapacity),
        Field::Item(Item::Sprint50m),
        Field::Item(Item::StandingLongJump),
        Field::Item(Item::SitAndReach),
        Field::Item(Item::Run800m),
        Field::Item(Item::Run1000m),
        Field::Item(Item::SitUps),
        Field::Item(Item::PullUps),
        Field::Item(Item::RopeSkipping),
        Field::Item(Item::Shuttle8x50m),
    ];

    /// The name on the form and in messages.
    pub fn label(self) -> &'static str {
        match self {
            Field::Height => "身高",
            Field::Weight => "体重",
            Field::Item(item) => item.label(),
        }
    }

    /// The column's header in the national template.
    pub fn header(self) -> &'static str {
        match self {
            Field::Item(Item::RopeSkipping) => "一分钟跳绳",
            Field::Item(Item::SitUps) => "一分钟仰卧起坐",
            other => other.label(),
        }
    }

    /// The column of `fitness_tests` holding the result.
    pub fn column(self) -> &'static str {
        match self {
            Field::Height => "height",
            Field::Weight => "weight",
            Field::Item(item) => item.as_str(),
        }
    }

    /// The unit a value is written in.
    pub fn unit(self) -> &'static str {
        match self {
            Field::Height | Field::Item(Item::StandingLongJump | Item::SitAndReach) => "厘米",
            Field::Weight => "千克",
            Field::Item(Item::VitalCapacity) => "毫升",
            Field::Item(Item::RopeSkipping | Item::SitUps | Item::PullUps) => "次",
            Field::Item(_) => "秒",
        }
    }

    /// The field whose template header or form name is `name`.
    pub fn named(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.header() == name || f.label() == name || f.column() == name)
    }

    /// Reads a value as a test sheet writes it (see [`Measure::parse`]);
    /// 身高 and 体重 are cut down to a tenth.
    pub fn parse(self, text: &str) -> Option<Measure> {
        match self {
            Field::Height | Field::Weight => Measure::parse(Item::StandingLongJump, text),
            Field::Item(item) => Measure::parse(item, text),
        }
    }

    /// Writes a value as the national template has it: long runs as
    /// 分'秒 (3'30), the others as numbers (10.2, 1700).
    pub fn format(self, value: Measure) -> String {
        match self {
            Field::Item(item) if item.is_long_run() && value.0 >= 600 => {
                let seconds = Measure(value.0 % 600).format();
                let pad = if value.0 % 600 < 100 { "0" } else { "" };
                format!("{}'{pad}{seconds}", value.0 / 600)
            }
            _ => value.format(),
        }
    }

    /// The fields a pupil of `grade` and `sex` is tested on (身高 and 体重
    /// for BMI).
    pub fn taken_by(grade: u8, sex: Sex) -> Vec<Field> {
        let items = standard().items_of(grade, sex);
        Field::ALL
            .into_iter()
            .filter(|f| match f {
                Field::Height | Field::Weight => items.iter().any(|(i, _)| *i == Item::Bmi),
                Field::Item(item) => items.iter().any(|(i, _)| i == item),
            })
            .collect()
    }
}
