//! The result and score columns of `fitness_tests` as row types, and how a
//! sheet and its scores become column values.

use platform::db::Value;
use serde::Serialize;

use crate::domain::results::{level_key, Field, Sheet};
use crate::domain::{Item, Measure, Scored};

/// The raw results, in tenths (see migrations/0450_fitness.sql).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Raw {
    pub height: Option<i64>,
    pub weight: Option<i64>,
    pub vital_capacity: Option<i64>,
    pub sprint_50m: Option<i64>,
    pub standing_long_jump: Option<i64>,
    pub sit_and_reach: Option<i64>,
    pub run_800m: Option<i64>,
    pub run_1000m: Option<i64>,
    pub sit_ups: Option<i64>,
    pub pull_ups: Option<i64>,
    pub rope_skipping: Option<i64>,
    pub shuttle_8x50m: Option<i64>,
}

/// The raw columns, in [`Field::ALL`] order.
pub const RAW_COLUMNS: [&str; 12] = [
    "height",
    "weight",
    "vital_capacity",
    "sprint_50m",
    "standing_long_jump",
    "sit_and_reach",
    "run_800m",
    "run_1000m",
    "sit_ups",
    "pull_ups",
    "rope_skipping",
    "shuttle_8x50m",
];

impl Raw {
    /// The values in [`Field::ALL`] order.
    pub fn values(&self) -> [Option<i64>; 12] {
        [
            self.height,
            self.weight,
            self.vital_capacity,
            self.sprint_50m,
            self.standing_long_jump,
            self.sit_and_reach,
            self.run_800m,
            self.run_1000m,
            self.sit_ups,
            self.pull_ups,
            self.rope_skipping,
            self.shuttle_8x50m,
        ]
    }

    pub fn of(sheet: &Sheet) -> Raw {
        let v = Field::ALL.map(|f| sheet.get(f).map(|m| m.0));
        Raw {
            height: v[0],
            weight: v[1],
            vital_capacity: v[2],
            sprint_50m: v[3],
            standing_long_jump: v[4],
            sit_and_reach: v[5],
            run_800m: v[6],
            run_1000m: v[7],
            sit_ups: v[8],
            pull_ups: v[9],
            rope_skipping: v[10],
            shuttle_8x50m: v[11],
        }
    }

    pub fn sheet(&self, exempt: bool) -> Sheet {
        let mut sheet = Sheet {
            exempt,
            ..Sheet::default()
        };
        for (field, v) in Field::ALL.into_iter().zip(self.values()) {
            sheet.set(field, v.map(Measure));
        }
        sheet
    }
}

/// The scores (NULL until scored; all NULL for a pupil 免测 or a sheet
/// still incomplete).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Scores {
    /// BMI in tenths.
    pub bmi: Option<i64>,
    pub bmi_category: Option<String>,
    pub bmi_score: Option<i64>,
    pub vital_capacity_score: Option<i64>,
    pub sprint_50m_score: Option<i64>,
    pub sit_and_reach_score: Option<i64>,
    pub rope_skipping_score: Option<i64>,
    pub sit_ups_score: Option<i64>,
    pub shuttle_8x50m_score: Option<i64>,
    pub standing_long_jump_score: Option<i64>,
    pub pull_ups_score: Option<i64>,
    pub run_1000m_score: Option<i64>,
    pub run_800m_score: Option<i64>,
    /// 标准分, 附加分 and 学年总分; totals in tenths of a point.
    pub standard_total: Option<i64>,
    pub bonus: Option<i64>,
    pub total: Option<i64>,
    /// excellent, good, pass, fail.
    pub level: Option<String>,
}

/// The score columns, in the order of [`Scores::write`].
pub const SCORE_COLUMNS: [&str; 17] = [
    "bmi",
    "bmi_category",
    "bmi_score",
    "vital_capacity_score",
    "sprint_50m_score",
    "sit_and_reach_score",
    "rope_skipping_score",
    "sit_ups_score",
    "shuttle_8x50m_score",
    "standing_long_jump_score",
    "pull_ups_score",
    "run_1000m_score",
    "run_800m_score",
    "standard_total",
    "bonus",
    "total",
    "level",
];

impl Scores {
    pub fn of(scored: Option<&Scored>) -> Scores {
        let Some(s) = scored else {
            return Scores::default();
        };
        let mut out = Scores {
            standard_total: Some(s.standard.0),
            bonus: Some(s.bonus),
            total: Some(s.total.0),
            level: level_key(&s.level).map(str::to_string),
            ..Scores::default()
        };
        for i in &s.items {
            let score = Some(i.score);
            match i.item {
                Item::Bmi => {
                    out.bmi = Some(i.value.0);
                    out.bmi_category = Some(i.category.clone());
                    out.bmi_score = score;
                }
                Item::VitalCapacity => out.vital_capacity_score = score,
                Item::Sprint50m => out.sprint_50m_score = score,
                Item::SitAndReach => out.sit_and_reach_score = score,
                Item::RopeSkipping => out.rope_skipping_score = score,
                Item::SitUps => out.sit_ups_score = score,
                Item::Shuttle8x50m => out.shuttle_8x50m_score = score,
                Item::StandingLongJump => out.standing_long_jump_score = score,
                Item::PullUps => out.pull_ups_score = score,
                Item::Run1000m => out.run_1000m_score = score,
                Item::Run800m => out.run_800m_score = score,
            }
        }
        out
    }

    /// The score of `item` (BMI's for [`Item::Bmi`]).
    pub fn of_item(&self, item: Item) -> Option<i64> {
        match item {
            Item::Bmi => self.bmi_score,
            Item::VitalCapacity => self.vital_capacity_score,
            Item::Sprint50m => self.sprint_50m_score,
            Item::SitAndReach => self.sit_and_reach_score,
            Item::RopeSkipping => self.rope_skipping_score,
            Item::SitUps => self.sit_ups_score,
            Item::Shuttle8x50m => self.shuttle_8x50m_score,
            Item::StandingLongJump => self.standing_long_jump_score,
            Item::PullUps => self.pull_ups_score,
            Item::Run1000m => self.run_1000m_score,
            Item::Run800m => self.run_800m_score,
        }
    }

    /// Appends the values in [`SCORE_COLUMNS`] order.
    pub fn write<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        let int = |v: Option<i64>| v.map_or(Value::Null, Value::Int);
        let text = |v: &'a Option<String>| v.as_deref().map_or(Value::Null, Value::Text);
        out.extend([int(self.bmi), text(&self.bmi_category), int(self.bmi_score)]);
        out.extend(
            [
                self.vital_capacity_score,
                self.sprint_50m_score,
                self.sit_and_reach_score,
                self.rope_skipping_score,
                self.sit_ups_score,
                self.shuttle_8x50m_score,
                self.standing_long_jump_score,
                self.pull_ups_score,
                self.run_1000m_score,
                self.run_800m_score,
                self.standard_total,
                self.bonus,
                self.total,
            ]
            .map(int),
        );
        out.push(text(&self.level));
    }

    /// The same values as query arguments, each after the text
    /// `before(column)` gives.
    pub fn bind(
        &self,
        mut q: platform::db::Sql,
        before: impl Fn(&str) -> String,
    ) -> platform::db::Sql {
        let mut values = Vec::new();
        self.write(&mut values);
        for (v, column) in values.into_iter().zip(SCORE_COLUMNS) {
            q = q.push(&before(column));
            let text = matches!(column, "bmi_category" | "level");
            q = match v {
                Value::Int(n) => q.bind(n),
                Value::Text(t) => q.bind(t),
                _ if text => q.bind(None::<&str>),
                _ => q.bind(None::<i64>),
            };
        }
        q
    }
}
