//! Which grades an institution teaches, by its 办学类型.

use institutions::domain::Category;

/// The grades an institution of this 办学类型 teaches (JY/T 1001 code);
/// `None` for institutions without grades (community schools, training).
pub fn grades_taught(school_type: &str) -> Option<std::ops::RangeInclusive<i64>> {
    Some(match Category::of_school_type(school_type) {
        Category::Kindergarten => -2..=0,
        Category::Primary => 1..=6,
        Category::Junior => 7..=9,
        Category::NineYear => 1..=9,
        Category::Senior | Category::Vocational => 10..=12,
        Category::Special => 1..=9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_schools_teach() {
        assert_eq!(grades_taught("211"), Some(1..=6));
        assert_eq!(grades_taught("312"), Some(1..=9));
        assert_eq!(grades_taught("111"), Some(-2..=0));
        assert_eq!(grades_taught("932"), None);
    }
}
