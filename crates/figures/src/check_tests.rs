use proptest::prelude::*;

use crate::check::check;
use crate::rate::{growth_rate, share, Decimal};

fn wrong(text: &str) -> Vec<(String, String)> {
    check(text)
        .into_iter()
        .map(|f| (f.stated, f.correct))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.into(), b.into())
}

#[test]
fn the_seed_growth_rate_is_over_last_year_not_this_year() {
    let text = "考上重点线19人，比去年增加7人，增长率36.8%。";
    let f = check(text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].stated, "36.8%");
    assert_eq!(f[0].correct, "58.3%");
    assert_eq!(&text[f[0].start..f[0].end], "36.8%");
    assert_eq!(
        f[0].reason,
        "增长率以去年的12人为基数：7人 ÷ 12人 = 58.3%（36.8%是以今年的19人为基数算出的）"
    );
    assert_eq!(wrong("考上重点线19人，比去年增加7人，增长率58.3%。"), []);
}

#[test]
fn a_fall_on_last_year_and_its_rate() {
    assert_eq!(wrong("辍学3人，比去年减少2人，下降40%"), []);
    assert_eq!(
        wrong("辍学3人，比去年减少2人，下降66.7%"),
        [pair("66.7%", "40.0%")]
    );
    // The rate may come first in the sentence's other half; the base is found before.
    assert_eq!(wrong("比去年增加7人，达到19人，增长58.3%"), []);
    let f = check("比去年增加7人，达到19人，增长50%");
    assert_eq!(f[0].reason, "增长率以去年的12人为基数：7人 ÷ 12人 = 58.3%");
}

#[test]
fn a_change_from_one_figure_to_another() {
    assert_eq!(wrong("由120所增加到150所，增长25%"), []);
    assert_eq!(wrong("由120所增加到150所，增长20%"), [pair("20%", "25.0%")]);
    assert_eq!(wrong("从150所减少至120所，下降20%"), []);
    assert_eq!(
        wrong("本科达线率由31.26%提高到34.02%，提高2.76个百分点"),
        []
    );
    let f = check("本科达线率由31.26%提高到34.02%，提高2.67个百分点");
    assert_eq!(
        (f[0].stated.as_str(), f[0].correct.as_str()),
        ("2.67个百分点", "2.76个百分点")
    );
    assert_eq!(f[0].reason, "34.02% − 31.26% = 2.76个百分点");
    assert_eq!(wrong("由120人增加到150人，增加30人"), []);
    assert_eq!(
        wrong("由120人增加到150人，增加20人"),
        [pair("20人", "30人")]
    );
    // Different units, or no 到, are not a change between two figures.
    assert_eq!(wrong("由120所增加150人，增长20%"), []);
    assert_eq!(wrong("由120所，150所，增长20%"), []);
}

#[test]
fn a_share_of_a_whole() {
    assert_eq!(wrong("全区教师1,200人，其中高级职称312人，占26%"), []);
    assert_eq!(wrong("全区教师1,200人，其中高级职称312人，占比26.0%"), []);
    let f = check("全区教师1,200人，其中高级职称312人，占30%");
    assert_eq!(
        (f[0].stated.as_str(), f[0].correct.as_str()),
        ("30%", "26.0%")
    );
    assert_eq!(f[0].reason, "312人 ÷ 1200人 = 26.0%");
    // A part larger than the whole is not read as a share.
    assert_eq!(wrong("教师100人，其中1,200人，占30%"), []);
}

#[test]
fn clauses_are_checked_one_by_one_and_figures_without_relations_pass() {
    let text = "由120所增加到150所，增长20%。考上重点线19人，比去年增加7人，增长率36.8%";
    assert_eq!(wrong(text), [pair("20%", "25.0%"), pair("36.8%", "58.3%")]);
    assert_eq!(wrong("共25个项目，1,045人次。增长率36.8%"), []);
    assert_eq!(wrong(""), []);
    assert_eq!(wrong("比去年增加7人"), []);
}

#[test]
fn stated_figures_agree_when_the_exact_value_rounds_to_them() {
    let d = |units, scale| Decimal { units, scale };
    assert!(d(583, 1).agrees_with(58.333));
    assert!(!d(584, 1).agrees_with(58.333));
    assert!(d(5825, 2).agrees_with(58.25));
    assert!(d(583, 1).agrees_with(58.25), "half up");
    assert!(d(58, 0).agrees_with(58.4));
    assert!(!d(58, 0).agrees_with(58.5));
    assert!(d(-40, 0).agrees_with(-40.0));
    assert_eq!(Decimal::round(-2.25, 1), d(-23, 1));
    assert_eq!(d(583, 1).to_string(), "58.3");
    assert_eq!(d(5, 2).to_string(), "0.05");
    assert_eq!(d(-5, 1).to_string(), "-0.5");
    assert_eq!(d(12, 0).to_string(), "12");
    assert_eq!(d(0, 1).to_string(), "0.0");
    assert!((d(368, 1).value() - 36.8).abs() < 1e-9);
    assert_eq!(
        growth_rate(12.0, 19.0).map(|r| Decimal::round(r, 1)),
        Some(d(583, 1))
    );
    assert_eq!(growth_rate(0.0, 19.0), None);
    assert_eq!(share(312.0, 1200.0), Some(26.0));
    assert_eq!(share(1.0, 0.0), None);
}

#[test]
fn only_a_rate_word_before_a_percentage_makes_it_the_rate() {
    // "增长2所" is no rate, "占全校5%" is no rate: the rate is the 36.8% after.
    let f = check("19人，比去年增加7人，增长2所，增长率36.8%");
    assert_eq!(
        f.iter().map(|f| f.stated.as_str()).collect::<Vec<_>>(),
        ["36.8%"]
    );
    assert_eq!(wrong("19人，比去年增加7人，占全校5%，增长率58.3%"), []);
}

#[test]
fn a_change_between_needs_the_same_unit_and_its_own_kind_of_figure() {
    assert_eq!(wrong("由120所增加到150人，增长20%"), []);
    assert_eq!(wrong("由120人增加到150人，提高2个百分点"), []);
    // From a rate to a rate, a percentage after 增长 is the growth of the rate.
    assert_eq!(wrong("由31.26%提高到34.02%，增长8.8%"), []);
    assert_eq!(wrong("由120人增加到150人，其中女生20人"), []);
}

#[test]
fn a_share_needs_a_whole_before_its_part_and_a_percentage_after_占() {
    assert_eq!(wrong("教师1,200人，其中高级职称312人，增长30%"), []);
    assert_eq!(
        wrong("教师1,200人，其中高级职称312人，合格率95%，占30%"),
        [pair("30%", "26.0%")]
    );
    assert_eq!(
        wrong("学校12所，教师1,200人，其中高级职称312人，占30%"),
        [pair("30%", "26.0%")]
    );
    assert_eq!(wrong("其中高级职称312人，占30%"), []);
    assert_eq!(
        wrong("教师312人，其中312人，占90%"),
        [pair("90%", "100.0%")]
    );
}

#[test]
fn offsets_point_into_the_whole_text_in_later_clauses() {
    let text = "第一句。由120所增加到150所，增长20%";
    let f = check(text);
    assert_eq!(&text[f[0].start..f[0].end], "20%");
}

proptest! {
    #[test]
    fn checking_never_panics(text in "[0-9.,，。%人所由从到至比去年增加减少长率占其中个百分点提高 ]{0,60}") {
        for f in check(&text) {
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }

    #[test]
    fn a_correctly_computed_rate_is_never_flagged(last in 1i64..10_000, delta in 1i64..10_000) {
        let now = last + delta;
        let rate = Decimal::round(delta as f64 / last as f64 * 100.0, 1);
        let text = format!("共{now}人，比去年增加{delta}人，增长率{rate}%");
        prop_assert_eq!(check(&text), vec![]);
    }
}
