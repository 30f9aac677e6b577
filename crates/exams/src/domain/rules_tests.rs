//! Tests of the rules added beside the line rules: scores as typed, each
//! school's comparison, quality-monitoring positions and the report check.

use std::collections::BTreeMap;

use figures::Decimal;
use proptest::prelude::*;

use super::quality::{self, SubjectResult};
use super::report::{check_report, Fact, FactKind};
use super::results::{compare, district, SchoolCounts};
use super::*;

fn d(units: i64, scale: u32) -> Decimal {
    Decimal { units, scale }
}

#[test]
fn scores_are_read_in_tenths_as_typed() {
    assert_eq!(parse_score("587.5"), Ok(Score(5875)));
    assert_eq!(parse_score(" 600 "), Ok(Score(6000)));
    assert_eq!(parse_score("0"), Ok(Score(0)));
    assert_eq!(parse_score("0.5"), Ok(Score(5)));
    for bad in ["-1", "1.25", "abc", "1.", ".5", "5a", "1234567", "1.a"] {
        assert!(parse_score(bad).is_err(), "{bad}");
    }
    assert_eq!(parse_score("").unwrap_err(), "分数不能为空");
    assert_eq!(show_score(Score(5875)), "587.5");
    assert_eq!(show_score(Score(6000)), "600");
    assert_eq!(show_score(Score(5)), "0.5");
}

#[test]
fn a_score_above_the_full_mark_is_refused() {
    assert!(within_max(Score(1500), Score(1500)).is_ok());
    assert_eq!(
        within_max(Score(1505), Score(1500)).unwrap_err(),
        "分数 150.5 高于该科目满分 150"
    );
}

#[test]
fn kinds_parse_back() {
    platform::text_enum::assert_keys_and_labels_parse_back::<ExamKind>();
}

fn counts(candidates: i64, over: i64) -> SchoolCounts {
    SchoolCounts {
        candidates,
        reached: [("本科线".to_string(), over)].into_iter().collect(),
    }
}

#[test]
fn schools_compare_with_last_year_and_rank_with_ties() {
    let this: BTreeMap<i64, SchoolCounts> = [
        (1, counts(100, 19)),
        (2, counts(80, 30)),
        (3, counts(60, 19)),
        (4, counts(10, 0)),
    ]
    .into_iter()
    .collect();
    let last: BTreeMap<i64, SchoolCounts> = [(1, counts(90, 12)), (2, counts(80, 30))]
        .into_iter()
        .collect();
    let rows = compare(&this, &last, "本科线");
    let order: Vec<(i64, usize)> = rows.iter().map(|r| (r.institution_id, r.rank)).collect();
    assert_eq!(order, [(2, 1), (1, 2), (3, 2), (4, 4)]);
    let first = &rows[1];
    assert_eq!(first.reached, year_on_year(19, 12));
    assert_eq!(first.reached.growth, Some(d(583, 1)));
    assert_eq!(first.rate.this_year, Some(d(1900, 2)));
    assert_eq!(first.rate.last_year, Some(d(1333, 2)));
    assert_eq!(first.rate.points, Some(d(567, 2)));
    // A school new this year had none last year.
    assert_eq!(rows[2].reached.last_year, 0);
    assert_eq!(rows[2].reached.growth, None);
    assert_eq!(rows[2].candidates, 60);
    assert_eq!(counts(1, 1).reached("专科线"), 0);
    let all = district(&this);
    assert_eq!(all.candidates, 250);
    assert_eq!(all.reached("本科线"), 68);
}

fn result(institution_id: i64, tested: i64, mean: i64, passed: i64) -> SubjectResult {
    SubjectResult {
        institution_id,
        tested,
        mean,
        passed,
    }
}

#[test]
fn the_district_weighs_schools_by_students_tested() {
    let r = [result(1, 30, 5000, 27), result(2, 10, 6000, 10)];
    let d0 = quality::district(&r);
    assert_eq!(d0.tested, 40);
    assert_eq!(d0.mean, Some(d(5250, 1)));
    assert_eq!(d0.pass_rate, Some(d(9250, 2)));
    let p = quality::positions(&r);
    assert_eq!(p[0].institution_id, 2);
    assert_eq!(p[0].rank, 1);
    assert_eq!(p[0].versus_district, Some(d(750, 1)));
    assert_eq!(p[1].versus_district, Some(d(-250, 1)));
    assert_eq!(p[1].pass_rate, Some(d(9000, 2)));
    assert_eq!(p[1].mean, d(5000, 1));
    let empty = quality::district(&[]);
    assert_eq!((empty.tested, empty.mean, empty.pass_rate), (0, None, None));
    let tie = quality::positions(&[
        result(1, 5, 700, 5),
        result(2, 5, 700, 4),
        result(3, 1, 10, 0),
    ]);
    assert_eq!(tie.iter().map(|p| p.rank).collect::<Vec<_>>(), [1, 1, 3]);
}

fn facts() -> Vec<Fact> {
    let fact = |subject: &str, kind, value, source: &str| Fact {
        subject: subject.into(),
        line: "重点线".into(),
        kind,
        value,
        source: source.into(),
    };
    vec![
        fact("市一中", FactKind::Count, d(19, 0), "市一中重点线上线人数"),
        fact("市一中", FactKind::Change, d(7, 0), "比去年 12 人增加 7 人"),
        fact("市一中", FactKind::Growth, d(583, 1), "7 ÷ 12"),
        fact("全区", FactKind::Count, d(120, 0), "全区重点线上线人数"),
        fact("全区", FactKind::Rate, d(3402, 2), "120 ÷ 352.7"),
        fact("全区", FactKind::Points, d(276, 2), "34.02% − 31.26%"),
    ]
}

#[test]
fn the_seed_figure_is_flagged_with_the_right_value() {
    let text = "市一中重点线上线19人，比去年增加7人，增长率36.8%。";
    let found = check_report(text, &facts());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].stated, "36.8%");
    assert_eq!(found[0].correct, "58.3%");
    assert_eq!(&text[found[0].start..found[0].end], "36.8%");
}

#[test]
fn figures_that_disagree_with_the_records_are_flagged() {
    let text = "市一中重点线上线20人，比去年增加8人，增长率66.7%；全区重点线达线率为34.2%，提高2.76个百分点。";
    let found = check_report(text, &facts());
    let pairs: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|f| (f.stated.as_str(), f.correct.as_str(), f.reason.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("20人", "19人", "市一中重点线上线人数"),
            ("8人", "7人", "比去年 12 人增加 7 人"),
            ("66.7%", "58.3%", "7 ÷ 12"),
            ("34.2%", "34.02%", "120 ÷ 352.7"),
        ]
    );
    // Right figures, or clauses naming no school or no line, pass.
    let right = "市一中重点线上线19人，比去年增加7人，增长率58.3%。全区重点线达线率34.0%，提高2.8个百分点。";
    assert!(check_report(right, &facts()).is_empty());
    assert!(check_report("某校上线99人。市一中共有教师99人。", &facts()).is_empty());
    assert!(check_report("全县重点线上线120人。", &facts()).is_empty());
    assert_eq!(
        check_report("全市重点线上线121人。", &facts())[0].correct,
        "120人"
    );
}

proptest! {
    #[test]
    fn typed_scores_read_back(tenths in 0i64..10_000_000) {
        prop_assert_eq!(parse_score(&show_score(Score(tenths))), Ok(Score(tenths)));
    }
}
