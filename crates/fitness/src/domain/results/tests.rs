use platform::vocab::Sex;
use proptest::prelude::*;

use super::template::*;
use super::*;
use crate::domain::item::Item;
use crate::domain::measure::Measure;

fn cells<'a>(pairs: &'a [(&'a str, &'a str)]) -> Vec<&'a str> {
    headers()
        .iter()
        .map(|h| pairs.iter().find(|(k, _)| k == h).map_or("", |(_, v)| *v))
        .collect()
}

fn first_grader() -> Vec<(&'static str, &'static str)> {
    vec![
        ("年级编号", "11"),
        ("班级名称", "1班"),
        ("学籍号", "G110101201503150012"),
        ("姓名", "王小明"),
        ("性别", "1"),
        ("身高", "120.0"),
        ("体重", "22.0"),
        ("肺活量", "1450"),
        ("50米跑", "10.25"),
        ("坐位体前屈", "12.0"),
        ("一分钟跳绳", "125"),
    ]
}

#[test]
fn a_complete_row_reads_and_scores_as_the_standard_says() {
    let row = read_row(&cells(&first_grader())).expect("a good row");
    assert_eq!(row.grade, 1);
    assert_eq!(row.sex, Sex::Male);
    assert_eq!(row.id_number, "110101201503150012");
    assert_eq!(row.class_name, "1班");
    assert_eq!(row.name, "王小明");
    assert_eq!(
        row.sheet.get(Field::Item(Item::Sprint50m)),
        Some(Measure(103))
    );
    assert_eq!(row.sheet.get(Field::Height), Some(Measure(1200)));
    let scored = row.sheet.score(1, Sex::Male).expect("complete");
    assert_eq!(scored.total.0, 1003, "the worked example of score_tests");
}

#[test]
fn impossible_values_are_refused_naming_the_column() {
    let mut pairs = first_grader();
    pairs[7] = ("肺活量", "100000");
    pairs[8] = ("50米跑", "2");
    pairs[6] = ("体重", "-5");
    let errors = read_row(&cells(&pairs)).unwrap_err();
    let columns: Vec<_> = errors.iter().map(|e| e.column).collect();
    assert_eq!(columns, ["体重", "肺活量", "50米跑"], "{errors:?}");
    assert_eq!(errors[0].reason, "无法识别「-5」（单位：千克）");
    assert_eq!(
        errors[1].reason,
        "肺活量 100000 毫升不合理（应在 300～9000 毫升之间），请核对"
    );
    assert_eq!(
        errors[2].reason,
        "50米跑 2 秒不合理（应在 5～30 秒之间），请核对"
    );
}

#[test]
fn an_item_the_grade_does_not_take_is_refused() {
    let mut pairs = first_grader();
    pairs.push(("一分钟仰卧起坐", "30"));
    let errors = read_row(&cells(&pairs)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].column, "一分钟仰卧起坐");
    assert_eq!(
        errors[0].reason,
        "一年级男生不测1分钟仰卧起坐，请删除该成绩"
    );
    // Secondary items go by sex: girls run 800 m, boys 1000 m.
    let mut girl = Sheet::default();
    girl.set(Field::Item(Item::Run1000m), Some(Measure(2400)));
    girl.set(Field::Item(Item::PullUps), Some(Measure(50)));
    let e = girl.check(8, Sex::Female);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].reason, "初二女生不测1000米跑，请删除该成绩");
    assert!(girl.check(8, Sex::Male).is_empty());
}

#[test]
fn bad_codes_are_explained() {
    let mut pairs = first_grader();
    pairs[0] = ("年级编号", "17");
    pairs[2] = ("学籍号", " ");
    pairs[4] = ("性别", "M");
    pairs[9] = ("坐位体前屈", "abc");
    let errors = read_row(&cells(&pairs)).unwrap_err();
    let columns: Vec<_> = errors.iter().map(|e| e.column).collect();
    assert_eq!(columns, ["年级编号", "学籍号", "性别", "坐位体前屈"]);
    assert!(errors[0].reason.contains("「17」"));
    assert_eq!(errors[2].reason, "性别「M」无效（1 为男，2 为女）");
}

#[test]
fn exempt_pupils_are_read_written_and_left_unscored() {
    let pairs = [
        ("年级编号", "21"),
        ("学籍号", "110101201203150012"),
        ("性别", "女"),
        ("身高", "150"),
        ("体重", "40"),
        ("50米跑", "免测"),
    ];
    let row = read_row(&cells(&pairs)).expect("good");
    assert!(row.sheet.exempt);
    assert_eq!(row.grade, 7);
    assert_eq!(row.sex, Sex::Female);
    assert_eq!(row.sheet.score(7, Sex::Female), None);
    let pupil = pupil(7, Sex::Female);
    let written = result_cells(&pupil, &row.sheet);
    let h = headers();
    let at = |name: &str| written[h.iter().position(|x| *x == name).unwrap()].as_str();
    assert_eq!(at("身高"), "150");
    assert_eq!(at("800米跑"), EXEMPT);
    assert_eq!(at("1000米跑"), "", "not an item of girls");
    assert_eq!(at("引体向上"), "");
}

#[test]
fn an_incomplete_sheet_is_not_scored() {
    let mut pairs = first_grader();
    pairs.pop();
    let row = read_row(&cells(&pairs)).expect("incomplete is not wrong");
    assert_eq!(row.sheet.score(1, Sex::Male), None);
}

#[test]
fn file_columns_are_found_by_header_in_any_order() {
    let file: Vec<String> = ["姓名", " 学籍号 ", "年级编号", "视力", "50米跑"]
        .map(String::from)
        .to_vec();
    let map = column_map(&file);
    assert_eq!(map.len(), headers().len());
    assert_eq!(map[0], Some(2));
    assert_eq!(map[3], Some(1));
    assert_eq!(map[5], Some(0));
    assert_eq!(map[1], None);
    let row = aligned(&map, &["张三", "G1", "11", "5.0", "9.8"]);
    assert_eq!(&row[..7], ["11", "", "", "G1", "", "张三", ""]);
    assert_eq!(row[12], "9.8");
    assert_eq!(aligned(&map, &["张三"])[0], "", "a short row");
}

#[test]
fn every_bound_of_every_range_is_inclusive() {
    for field in Field::ALL {
        let (low, high) = range(field);
        assert!(low < high, "{field:?}");
        assert!(check_plausible(field, Measure(low)).is_ok(), "{field:?}");
        assert!(check_plausible(field, Measure(high)).is_ok(), "{field:?}");
        assert!(
            check_plausible(field, Measure(low - 1)).is_err(),
            "{field:?}"
        );
        assert!(
            check_plausible(field, Measure(high + 1)).is_err(),
            "{field:?}"
        );
    }
    assert_eq!(range(Field::Item(Item::Bmi)), (0, 0));
    assert_eq!(range(Field::Item(Item::Run800m)), (1_200, 9_000));
    assert_eq!(range(Field::Item(Item::SitAndReach)), (-300, 400));
}

#[test]
fn grade_codes_follow_the_national_system() {
    let codes: Vec<String> = (1..=12).map(grade_code).collect();
    assert_eq!(
        codes,
        ["11", "12", "13", "14", "15", "16", "21", "22", "23", "31", "32", "33"]
    );
    for g in 1..=12 {
        assert_eq!(grade_of_code(&grade_code(g)), Some(g));
    }
    for bad in [
        "", "1", "10", "17", "20", "24", "30", "34", "41", "1a", "111",
    ] {
        assert_eq!(grade_of_code(bad), None, "{bad}");
    }
    assert_eq!(grade_code(0), "");
    assert_eq!(grade_code(13), "");
    assert_eq!(class_code(7, "3班"), "2103");
    assert_eq!(class_code(12, "(12)班"), "3312");
    assert_eq!(class_code(1, "火箭班"), "");
    assert_eq!(class_code(1, "100班"), "");
    assert_eq!(grade_label(9), "初三");
    assert_eq!(grade_label(0), "");
    assert_eq!(grade_label(13), "");
}

#[test]
fn student_numbers_stand_for_id_numbers() {
    let id = "11010120150315001X";
    assert_eq!(student_number(id), "G11010120150315001X");
    assert_eq!(id_number_of("G11010120150315001X"), id);
    assert_eq!(id_number_of(" g11010120150315001x "), id);
    assert_eq!(id_number_of("L11010120150315001X"), id);
    assert_eq!(id_number_of(id), id);
    assert_eq!(id_number_of("G123"), "G123", "not an ID number");
}

#[test]
fn long_runs_are_written_in_minutes_and_seconds() {
    let run = Field::Item(Item::Run800m);
    assert_eq!(run.format(Measure(2100)), "3'30");
    assert_eq!(run.format(Measure(1855)), "3'05.5");
    assert_eq!(run.format(Measure(1800)), "3'00");
    assert_eq!(run.format(Measure(599)), "59.9");
    assert_eq!(Field::Item(Item::Sprint50m).format(Measure(600)), "60");
    assert_eq!(Field::Height.format(Measure(1205)), "120.5");
}

#[test]
fn fields_are_named_in_the_template_on_the_form_and_in_the_database() {
    assert_eq!(Field::Item(Item::RopeSkipping).header(), "一分钟跳绳");
    assert_eq!(Field::Item(Item::SitUps).header(), "一分钟仰卧起坐");
    assert_eq!(Field::Item(Item::Sprint50m).header(), "50米跑");
    assert_eq!(Field::Height.column(), "height");
    assert_eq!(Field::Item(Item::Shuttle8x50m).column(), "shuttle_8x50m");
    for f in Field::ALL {
        assert_eq!(Field::named(f.header()), Some(f));
        assert_eq!(Field::named(f.label()), Some(f));
        assert_eq!(Field::named(f.column()), Some(f));
    }
    assert_eq!(Field::named("视力"), None);
    assert_eq!(headers().len(), 21);
    assert_eq!(Field::Weight.unit(), "千克");
    assert_eq!(Field::Item(Item::PullUps).unit(), "次");
    assert_eq!(Field::Item(Item::VitalCapacity).unit(), "毫升");
    assert_eq!(Field::Item(Item::SitAndReach).unit(), "厘米");
    assert_eq!(Field::Item(Item::Run1000m).unit(), "秒");
}

#[test]
fn each_grade_takes_the_fields_the_standard_sets() {
    let names = |g, s| -> Vec<&str> { Field::taken_by(g, s).iter().map(|f| f.header()).collect() };
    let first = [
        "身高",
        "体重",
        "肺活量",
        "50米跑",
        "坐位体前屈",
        "一分钟跳绳",
    ];
    assert_eq!(names(1, Sex::Female), first);
    assert_eq!(names(2, Sex::Male), first);
    assert!(names(3, Sex::Male).contains(&"一分钟仰卧起坐"));
    assert!(!names(4, Sex::Male).contains(&"50米×8往返跑"));
    assert!(names(5, Sex::Male).contains(&"50米×8往返跑"));
    assert!(names(7, Sex::Male).contains(&"引体向上"));
    assert!(!names(7, Sex::Male).contains(&"800米跑"));
    assert!(names(12, Sex::Female).contains(&"800米跑"));
    assert!(!names(12, Sex::Female).contains(&"一分钟跳绳"));
    assert!(Field::taken_by(13, Sex::Male).is_empty());
}

#[test]
fn levels_have_keys_and_labels() {
    for (label, key) in [
        ("优秀", "excellent"),
        ("良好", "good"),
        ("及格", "pass"),
        ("不及格", "fail"),
    ] {
        assert_eq!(level_key(label), Some(key));
        assert_eq!(level_label(key), label);
    }
    assert_eq!(level_key(""), None);
    assert_eq!(level_label("other"), "");
}

fn pupil(grade: u8, sex: Sex) -> Pupil {
    Pupil {
        grade,
        class_name: "2班".into(),
        id_number: "11010120150315001X".into(),
        ethnicity: "01".into(),
        name: "李华".into(),
        sex,
        birth_date: "2015-03-15".into(),
        address: "城关镇".into(),
    }
}

proptest! {
    /// Whatever a pupil may be recorded with is written in the template
    /// and read back unchanged.
    #[test]
    fn a_written_row_reads_back_the_same(
        grade in 1u8..=12,
        male in any::<bool>(),
        picks in prop::collection::vec(0.0f64..1.0, 12),
        present in prop::collection::vec(any::<bool>(), 12),
        exempt in any::<bool>(),
    ) {
        let sex = if male { Sex::Male } else { Sex::Female };
        let mut sheet = Sheet { exempt, ..Sheet::default() };
        for (k, field) in Field::taken_by(grade, sex).into_iter().enumerate() {
            let (low, high) = range(field);
            let v = low + ((high - low) as f64 * picks[k]) as i64;
            // Timed results are read up to the tenth, the rest down: whole tenths either way.
            if present[k] && !(exempt && matches!(field, Field::Item(_))) {
                sheet.set(field, Some(Measure(v)));
            }
        }
        let p = pupil(grade, sex);
        let written = result_cells(&p, &sheet);
        let row: Vec<&str> = written.iter().map(String::as_str).collect();
        let read = read_row(&row).expect("reads back");
        prop_assert_eq!(read.grade, grade);
        prop_assert_eq!(read.sex, sex);
        prop_assert_eq!(&read.id_number, &p.id_number);
        prop_assert_eq!(&read.class_name, &p.class_name);
        prop_assert_eq!(read.sheet.measurements, sheet.measurements);
        let any_item = Field::taken_by(grade, sex).iter().any(|f| matches!(f, Field::Item(_)));
        prop_assert_eq!(read.sheet.exempt, exempt && any_item);
    }

    #[test]
    fn reading_a_row_never_panics(cells_ in prop::collection::vec(".{0,8}", 21)) {
        let row: Vec<&str> = cells_.iter().map(String::as_str).collect();
        let _ = read_row(&row);
    }
}
