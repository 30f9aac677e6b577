use proptest::prelude::*;

use super::*;
use crate::domain::{Item, Measure, Tenths};

fn counts(tested: i64, bands: [i64; 4]) -> Counts {
    Counts {
        tested,
        bands,
        ..Counts::default()
    }
}

#[test]
fn bands_start_at_the_standards_cut_offs() {
    assert_eq!(Band::of_tenths(1200), Band::Excellent);
    assert_eq!(Band::of_tenths(900), Band::Excellent);
    assert_eq!(Band::of_tenths(899), Band::Good);
    assert_eq!(Band::of_tenths(800), Band::Good);
    assert_eq!(Band::of_tenths(799), Band::Pass);
    assert_eq!(Band::of_tenths(600), Band::Pass);
    assert_eq!(Band::of_tenths(599), Band::Fail);
    assert_eq!(Band::of_tenths(0), Band::Fail);
    platform::text_enum::assert_keys_and_labels_parse_back::<Band>();
    platform::text_enum::assert_keys_and_labels_parse_back::<BmiCategory>();
}

#[test]
fn shares_are_percent_of_a_non_empty_whole() {
    assert_eq!(share(1, 4), Some(25.0));
    assert_eq!(share(0, 4), Some(0.0));
    assert_eq!(share(4, 4), Some(100.0));
    assert_eq!(share(3, 0), None);
    assert_eq!(share(0, -1), None);
    assert_eq!(coverage(45, 50), Some(90.0));
    assert_eq!(coverage(52, 50), Some(100.0));
    assert_eq!(coverage(0, 0), None);
}

#[test]
fn rates_of_a_class() {
    // 40 tested: 6 优秀, 10 良好, 20 及格, 4 不及格.
    let c = counts(40, [6, 10, 20, 4]);
    assert_eq!(c.pass_rate(), Some(90.0));
    assert_eq!(c.excellent_rate(), Some(15.0));
    assert_eq!(c.good_or_better_rate(), Some(40.0));
    assert_eq!(c.band(Band::Good), 10);
    assert_eq!(c.band_share(Band::Pass), Some(50.0));
    assert_eq!(c.band_share(Band::Fail), Some(10.0));
    assert_eq!(Counts::default().pass_rate(), None);
    assert_eq!(Counts::default().excellent_rate(), None);
    assert_eq!(Counts::default().good_or_better_rate(), None);
}

#[test]
fn a_flat_row_reads_in_the_declared_order() {
    let mut v: Vec<i64> = (0..Counts::WIDTH as i64).collect();
    let c = Counts::from_values(&v).expect("counts");
    assert_eq!(c.tested, 0);
    assert_eq!(c.bands, [1, 2, 3, 4]);
    assert_eq!(c.bmi, [5, 6, 7, 8]);
    assert_eq!(c.item(Item::Bmi), (9, 10));
    assert_eq!(c.item(Item::VitalCapacity), (11, 12));
    assert_eq!(c.item(Item::Run800m), (29, 30));
    assert_eq!(c.bmi_count(BmiCategory::Underweight), 6);
    assert_eq!(c.bmi_count(BmiCategory::Obese), 8);
    v.pop();
    assert_eq!(Counts::from_values(&v), None);
    v.extend([1, 2]);
    assert_eq!(Counts::from_values(&v), None);
}

#[test]
fn item_and_bmi_rates() {
    let mut c = Counts::default();
    c.items[1] = (8, 6);
    c.bmi = [7, 1, 1, 1];
    assert_eq!(c.item_pass_rate(Item::VitalCapacity), Some(75.0));
    assert_eq!(c.item_pass_rate(Item::Sprint50m), None);
    assert_eq!(c.bmi_share(BmiCategory::Normal), Some(70.0));
    assert_eq!(c.bmi_share(BmiCategory::Obese), Some(10.0));
    assert_eq!(Counts::default().bmi_share(BmiCategory::Normal), None);
}

#[test]
fn groups_add_up_field_by_field() {
    let mut a = counts(10, [1, 2, 3, 4]);
    a.bmi = [1, 2, 3, 4];
    a.items[3] = (5, 4);
    let mut b = counts(5, [4, 3, 2, 1]);
    b.bmi = [4, 3, 2, 1];
    b.items[3] = (2, 1);
    b.items[10] = (1, 1);
    a.add(&b);
    assert_eq!(a.tested, 15);
    assert_eq!(a.bands, [5, 5, 5, 5]);
    assert_eq!(a.bmi, [5, 5, 5, 5]);
    assert_eq!(a.items[3], (7, 5));
    assert_eq!(a.items[10], (1, 1));
    assert_eq!(a.items[0], (0, 0));
}

#[test]
fn a_trend_compares_each_year_with_the_year_before() {
    let years = [
        (2026, counts(100, [20, 20, 50, 10])),
        (2024, counts(50, [5, 10, 25, 10])),
        (2025, counts(80, [8, 16, 48, 8])),
        (2022, counts(10, [1, 1, 4, 4])),
    ];
    let t = trend(&years);
    let got: Vec<_> = t
        .iter()
        .map(|p| (p.school_year, p.pass_change, p.excellent_change))
        .collect();
    assert_eq!(
        got,
        [
            (2022, None, None),
            // 2023 is missing: no change for 2024.
            (2024, None, None),
            (2025, Some(10.0), Some(0.0)),
            (2026, Some(0.0), Some(10.0)),
        ]
    );
    assert_eq!(t[3].tested, 100);
    assert_eq!(t[3].pass_rate, Some(90.0));
    assert_eq!(t[3].excellent_rate, Some(20.0));
    assert_eq!(t[3].good_or_better_rate, Some(40.0));
    // A year without pupils has no rate and no change.
    let empty = trend(&[(2025, counts(10, [1, 1, 4, 4])), (2026, Counts::default())]);
    assert_eq!(empty[1].pass_change, None);
    assert_eq!(empty[1].excellent_change, None);
}

fn years(list: &[(i64, i64)]) -> Vec<GradeTotal> {
    list.iter()
        .map(|&(grade, total)| GradeTotal {
            grade,
            total: Tenths(total),
        })
        .collect()
}

#[test]
fn graduation_takes_the_final_year_and_the_stages_other_years() {
    // 初三 80.0; 初一 70.0 and 初二 90.0 average 80.0; 六年级 is another stage.
    let y = years(&[(6, 500), (7, 700), (8, 900), (9, 800)]);
    assert_eq!(graduation(9, &y), Some(Tenths(800)));
    // 六年级 85.0 with 一–五年级 averaging 75.0: 80.0.
    let p = years(&[(1, 700), (2, 800), (3, 750), (4, 700), (5, 800), (6, 850)]);
    assert_eq!(graduation(6, &p), Some(Tenths(800)));
    // 高三 alone: its own total.
    assert_eq!(graduation(12, &years(&[(12, 654)])), Some(Tenths(654)));
    assert_eq!(
        graduation(12, &years(&[(10, 600), (12, 800)])),
        Some(Tenths(700))
    );
    // Not a final grade, or no final year.
    assert_eq!(graduation(8, &y), None);
    assert_eq!(graduation(9, &years(&[(7, 700)])), None);
    assert_eq!(graduation(0, &years(&[(0, 700)])), None);
    // A later grade does not count as an earlier year.
    assert_eq!(
        graduation(6, &years(&[(6, 800), (7, 600)])),
        Some(Tenths(800))
    );
}

#[test]
fn results_are_written_with_their_units() {
    assert_eq!(format_result(Item::Run1000m, Measure(2150)), "3'35\"");
    assert_eq!(format_result(Item::Run800m, Measure(2405)), "4'00.5\"");
    assert_eq!(format_result(Item::Run800m, Measure(1800)), "3'00\"");
    assert_eq!(format_result(Item::Shuttle8x50m, Measure(1055)), "1'45.5\"");
    assert_eq!(format_result(Item::Shuttle8x50m, Measure(599)), "59.9秒");
    assert_eq!(format_result(Item::Sprint50m, Measure(102)), "10.2秒");
    assert_eq!(
        format_result(Item::VitalCapacity, Measure(17000)),
        "1700毫升"
    );
    assert_eq!(format_result(Item::SitAndReach, Measure(-8)), "-0.8厘米");
    assert_eq!(format_result(Item::PullUps, Measure(120)), "12次");
    assert_eq!(format_result(Item::Bmi, Measure(171)), "17.1");
    assert_eq!(unit(Item::StandingLongJump), "厘米");
    assert_eq!(unit(Item::RopeSkipping), "次");
    assert_eq!(unit(Item::SitUps), "次");
}

fn arb_counts() -> impl Strategy<Value = Counts> {
    (
        prop::array::uniform4(0i64..500),
        prop::array::uniform4(0i64..500),
    )
        .prop_map(|(bands, bmi)| Counts {
            tested: bands.iter().sum(),
            bands,
            bmi,
            ..Counts::default()
        })
}

proptest! {
    #[test]
    fn rates_stay_between_0_and_100_and_nest(c in arb_counts()) {
        if c.tested > 0 {
            let (p, e, g) = (c.pass_rate().unwrap(), c.excellent_rate().unwrap(), c.good_or_better_rate().unwrap());
            prop_assert!((0.0..=100.0).contains(&p));
            prop_assert!(e <= g + 1e-9 && g <= p + 1e-9);
            let total: f64 = Band::ALL.iter().filter_map(|b| c.band_share(*b)).sum();
            prop_assert!((total - 100.0).abs() < 1e-6);
        } else {
            prop_assert_eq!(c.pass_rate(), None);
        }
    }

    #[test]
    fn adding_counts_adds_the_pupils(a in arb_counts(), b in arb_counts()) {
        let mut sum = a.clone();
        sum.add(&b);
        prop_assert_eq!(sum.tested, a.tested + b.tested);
        let passed = |c: &Counts| c.tested - c.band(Band::Fail);
        prop_assert_eq!(passed(&sum), passed(&a) + passed(&b));
    }

    #[test]
    fn a_graduation_score_lies_between_its_years(totals in prop::collection::vec(0i64..=1200, 1..6)) {
        let ys: Vec<GradeTotal> = totals.iter().enumerate().map(|(k, t)| GradeTotal { grade: 7 + k as i64 % 3, total: Tenths(*t) }).collect();
        if let Some(g) = graduation(9, &ys) {
            let lo = ys.iter().filter(|y| y.grade <= 9).map(|y| y.total).min().unwrap();
            let hi = ys.iter().filter(|y| y.grade <= 9).map(|y| y.total).max().unwrap();
            prop_assert!(lo <= g && g <= hi);
        }
    }
}
