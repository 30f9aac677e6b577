//! Results of 年检 (annual inspection of private schools) and 等级验收
//! (grading of private kindergartens): what a campaign's band means as a
//! result, which results pass, and the pass rate (年检合格率).

platform::text_enum! {
    /// What a result is of.
    pub enum Kind {
        Annual = "annual" "年检",
        Grading = "grading" "等级验收",
    }
}

platform::text_enum! {
    /// The result of a 年检.
    pub enum AnnualResult {
        Qualified = "qualified" "合格",
        Basic = "basic" "基本合格",
        Unqualified = "unqualified" "不合格",
    }
}

platform::text_enum! {
    /// The grade a private kindergarten is given (等级幼儿园).
    pub enum Grade {
        First = "first" "一级幼儿园",
        Second = "second" "二级幼儿园",
        Third = "third" "三级幼儿园",
        Ungraded = "none" "未定级",
    }
}

impl Kind {
    /// The stored key of a result typed as a key or a label, if it is one
    /// of this kind's results.
    pub fn parse_result(self, text: &str) -> Option<&'static str> {
        match self {
            Kind::Annual => AnnualResult::parse(text).map(AnnualResult::as_str),
            Kind::Grading => Grade::parse(text).map(Grade::as_str),
        }
    }

    /// The label of a stored result key ("" if unknown).
    pub fn result_label(self, key: &str) -> &'static str {
        match self {
            Kind::Annual => AnnualResult::parse(key).map_or("", AnnualResult::label),
            Kind::Grading => Grade::parse(key).map_or("", Grade::label),
        }
    }

    /// The result a campaign's band gives. 年检: 优秀 and 良好 are 合格, a
    /// band named after a result is that result, any other band is
    /// 不合格. 等级验收: a band naming a grade (一级/二级/三级) gives it, any
    /// other band leaves the kindergarten ungraded.
    pub fn from_band(self, band: &str) -> &'static str {
        let band = band.trim();
        match self {
            Kind::Annual => match band {
                "优秀" | "良好" => AnnualResult::Qualified.as_str(),
                b => AnnualResult::parse(b)
                    .unwrap_or(AnnualResult::Unqualified)
                    .as_str(),
            },
            Kind::Grading => [
                ("一级", Grade::First),
                ("二级", Grade::Second),
                ("三级", Grade::Third),
            ]
            .iter()
            .find(|(word, _)| band.contains(word))
            .map_or(Grade::Ungraded, |(_, g)| *g)
            .as_str(),
        }
    }

    /// Whether a result passes: 合格 or 基本合格; any grade.
    pub fn passes(self, key: &str) -> bool {
        match self {
            Kind::Annual => matches!(
                AnnualResult::parse(key),
                Some(AnnualResult::Qualified | AnnualResult::Basic)
            ),
            Kind::Grading => matches!(
                Grade::parse(key),
                Some(Grade::First | Grade::Second | Grade::Third)
            ),
        }
    }

    /// Whether a result calls for a rectification order: 不合格; ungraded.
    pub fn fails(self, key: &str) -> bool {
        !self.passes(key) && self.parse_result(key).is_some()
    }
}

/// A share in tenths of a percent (917 = 91.7%), rounded half up; none of
/// nothing.
pub fn permille(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 2000 + whole) / (whole * 2))
}

/// A share in tenths of a percent as text: "91.7%"; "—" for none.
pub fn show_permille(p: Option<i64>) -> String {
    p.map_or("—".into(), |p| format!("{}.{}%", p / 10, p % 10))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bands_map_to_annual_results() {
        let k = Kind::Annual;
        assert_eq!(k.from_band("优秀"), "qualified");
        assert_eq!(k.from_band("良好"), "qualified");
        assert_eq!(k.from_band(" 合格 "), "qualified");
        assert_eq!(k.from_band("基本合格"), "basic");
        assert_eq!(k.from_band("不合格"), "unqualified");
        assert_eq!(k.from_band("较差"), "unqualified");
    }

    #[test]
    fn bands_map_to_grades() {
        let k = Kind::Grading;
        assert_eq!(k.from_band("一级幼儿园"), "first");
        assert_eq!(k.from_band("省二级"), "second");
        assert_eq!(k.from_band("三级"), "third");
        assert_eq!(k.from_band("不达标"), "none");
    }

    #[test]
    fn results_parse_and_read_per_kind() {
        assert_eq!(Kind::Annual.parse_result("基本合格"), Some("basic"));
        assert_eq!(Kind::Annual.parse_result("first"), None);
        assert_eq!(Kind::Grading.parse_result("二级幼儿园"), Some("second"));
        assert_eq!(Kind::Grading.parse_result("合格"), None);
        assert_eq!(Kind::Annual.result_label("unqualified"), "不合格");
        assert_eq!(Kind::Grading.result_label("none"), "未定级");
        assert_eq!(Kind::Grading.result_label("x"), "");
        assert_eq!(Kind::Annual.result_label("x"), "");
    }

    #[test]
    fn what_passes_and_what_fails() {
        assert!(Kind::Annual.passes("qualified"));
        assert!(Kind::Annual.passes("basic"));
        assert!(!Kind::Annual.passes("unqualified"));
        assert!(Kind::Annual.fails("unqualified"));
        assert!(!Kind::Annual.fails("basic"));
        assert!(!Kind::Annual.fails("nonsense"));
        for g in ["first", "second", "third"] {
            assert!(Kind::Grading.passes(g));
            assert!(!Kind::Grading.fails(g));
        }
        assert!(!Kind::Grading.passes("none"));
        assert!(Kind::Grading.fails("none"));
        assert!(!Kind::Grading.passes("qualified"));
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(permille(11, 12), Some(917));
        assert_eq!(permille(1, 8), Some(125));
        assert_eq!(permille(1, 3), Some(333));
        assert_eq!(permille(2, 3), Some(667));
        assert_eq!(permille(0, 5), Some(0));
        assert_eq!(permille(5, 5), Some(1000));
        assert_eq!(permille(1, 0), None);
        assert_eq!(show_permille(Some(917)), "91.7%");
        assert_eq!(show_permille(Some(1000)), "100.0%");
        assert_eq!(show_permille(None), "—");
    }

    proptest! {
        #[test]
        fn a_share_stays_within_bounds(whole in 1i64..100_000, part_frac in 0.0f64..=1.0) {
            let part = ((whole as f64) * part_frac) as i64;
            let p = permille(part, whole).unwrap();
            prop_assert!((0..=1000).contains(&p));
            let exact = part as f64 * 1000.0 / whole as f64;
            prop_assert!((p as f64 - exact).abs() <= 0.5);
        }
    }
}
