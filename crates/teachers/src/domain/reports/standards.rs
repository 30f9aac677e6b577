//! The national standards of 县域义务教育优质均衡发展 that apply to staff,
//! read from the public table in data/standards (compiled in).

use platform::vocab::Stage;

const CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/standards/class_size_and_balance_thresholds.csv"
));

/// 每百名学生拥有高于规定学历教师数.
pub const ABOVE_REQUIRED_EDUCATION: &str = "每百名学生拥有高于规定学历教师数";
/// 每百名学生拥有县级及以上骨干教师数.
pub const BACKBONE_PER_HUNDRED: &str = "每百名学生拥有县级及以上骨干教师数";

/// A minimum (`>=`) a stage's figure must reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    pub indicator: String,
    pub minimum: f64,
    pub unit: String,
}

/// The stages a table row names ("小学/初中").
fn stages(text: &str) -> Vec<Stage> {
    text.split('/').filter_map(Stage::parse).collect()
}

/// The minimum of `indicator` for `stage`, if the table sets one.
pub fn threshold(indicator: &str, stage: Stage) -> Option<Threshold> {
    CSV.lines().skip(1).find_map(|line| {
        // The first five columns never hold commas; the source column may.
        let f: Vec<&str> = line.splitn(6, ',').collect();
        let [name, stage_text, op, value, unit, ..] = f.as_slice() else {
            return None;
        };
        if *name != indicator || *op != ">=" || !stages(stage_text).contains(&stage) {
            return None;
        }
        Some(Threshold {
            indicator: name.to_string(),
            minimum: value.parse().ok()?,
            unit: unit.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_balance_standards_are_read_from_the_table() {
        let t = threshold(ABOVE_REQUIRED_EDUCATION, Stage::Primary).expect("primary");
        assert_eq!((t.minimum, t.unit.as_str()), (4.2, "人"));
        assert_eq!(
            threshold(ABOVE_REQUIRED_EDUCATION, Stage::Junior).map(|t| t.minimum),
            Some(5.3)
        );
        assert_eq!(
            threshold(BACKBONE_PER_HUNDRED, Stage::Primary).map(|t| t.minimum),
            Some(1.0)
        );
        assert_eq!(
            threshold(BACKBONE_PER_HUNDRED, Stage::Junior).map(|t| t.minimum),
            Some(1.0)
        );
        assert_eq!(threshold(ABOVE_REQUIRED_EDUCATION, Stage::Senior), None);
        assert_eq!(threshold(BACKBONE_PER_HUNDRED, Stage::Preschool), None);
        // Upper limits (<=, between) are not minimums.
        assert_eq!(threshold("综合差异系数", Stage::Primary), None);
        assert_eq!(threshold("大班额 (class size)", Stage::Primary), None);
        assert_eq!(threshold("no such", Stage::Primary), None);
    }
}
