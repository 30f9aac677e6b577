use proptest::prelude::*;
use rand::SeedableRng;

use super::*;

fn facts(id: i64, school_type: &str, township_id: i64) -> Facts<'_> {
    Facts {
        id,
        school_type,
        township_id,
    }
}

#[test]
fn audiences_parse_from_kind_and_value() {
    assert_eq!(Audience::parse("all", "x"), Ok(Audience::All));
    assert_eq!(
        Audience::parse(" category ", "primary"),
        Ok(Audience::Category(Category::Primary))
    );
    assert_eq!(
        Audience::parse("category", "幼儿园"),
        Ok(Audience::Category(Category::Kindergarten))
    );
    assert!(Audience::parse("category", "nope").is_err());
    assert_eq!(
        Audience::parse("township", " 7 "),
        Ok(Audience::Township(7))
    );
    assert!(Audience::parse("township", "0").is_err());
    assert!(Audience::parse("township", "").is_err());
    assert_eq!(
        Audience::parse("chosen", "3, 5，3 8"),
        Ok(Audience::Chosen(vec![3, 5, 8]))
    );
    assert!(Audience::parse("chosen", " ").is_err());
    assert!(Audience::parse("chosen", "3,x").is_err());
    assert!(Audience::parse("chosen", "-3").is_err());
    assert_eq!(Audience::parse("", "").unwrap_err().field, "audience");
}

#[test]
fn chosen_lists_have_a_ceiling() {
    let many: Vec<String> = (1..=MAX_CHOSEN as i64).map(|i| i.to_string()).collect();
    assert_eq!(parse_ids(&many.join(",")).map(|v| v.len()), Ok(MAX_CHOSEN));
    let too_many = format!("{},{}", many.join(","), MAX_CHOSEN + 1);
    assert!(parse_ids(&too_many).is_err());
}

#[test]
fn audiences_store_as_key_and_value_and_read_back() {
    for a in [
        Audience::All,
        Audience::Category(Category::Junior),
        Audience::Township(4),
        Audience::Chosen(vec![9, 2]),
    ] {
        assert_eq!(Audience::parse(a.key(), &a.value()), Ok(a.clone()));
    }
    assert_eq!(Audience::Chosen(vec![9, 2]).value(), "9,2");
}

#[test]
fn audiences_match_the_institutions_they_name() {
    let primary = facts(1, "211", 10);
    let junior = facts(2, "311", 11);
    assert!(Audience::All.matches(&primary));
    assert!(Audience::Category(Category::Primary).matches(&primary));
    assert!(!Audience::Category(Category::Primary).matches(&junior));
    assert!(Audience::Township(11).matches(&junior));
    assert!(!Audience::Township(11).matches(&primary));
    assert!(Audience::Chosen(vec![2, 5]).matches(&junior));
    assert!(!Audience::Chosen(vec![2, 5]).matches(&primary));
}

#[test]
fn a_category_picks_its_school_types_in_use() {
    let in_use: Vec<String> = ["111", "211", "218", "311", "312", "932"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        Audience::Category(Category::Primary).school_types(&in_use),
        Some(vec!["211".to_string(), "218".to_string()])
    );
    assert_eq!(
        Audience::Category(Category::Senior).school_types(&in_use),
        Some(vec![])
    );
    assert_eq!(Audience::All.school_types(&in_use), None);
    assert_eq!(Audience::Township(1).school_types(&in_use), None);
}

#[test]
fn parent_audiences_parse_and_cover_their_pupils() {
    assert_eq!(
        ParentAudience::parse("school", ""),
        Ok(ParentAudience::School)
    );
    assert_eq!(
        ParentAudience::parse("grade", "三年级"),
        Ok(ParentAudience::Grade(3))
    );
    assert_eq!(
        ParentAudience::parse("grade", "4"),
        Ok(ParentAudience::Grade(4))
    );
    assert!(ParentAudience::parse("grade", "13").is_err());
    let class = ParentAudience::parse("class", "3: 2班").unwrap();
    assert_eq!(
        class,
        ParentAudience::Class {
            grade: 3,
            class_name: "2班".into()
        }
    );
    assert!(ParentAudience::parse("class", "3").is_err());
    assert!(ParentAudience::parse("class", "3: ").is_err());
    assert!(ParentAudience::parse("class", &format!("3:{}", "班".repeat(21))).is_err());
    assert!(ParentAudience::parse("class", "x:2班").is_err());
    assert!(ParentAudience::parse("all", "").is_err());
    for a in [
        ParentAudience::School,
        ParentAudience::Grade(2),
        class.clone(),
    ] {
        assert_eq!(ParentAudience::parse(a.key(), &a.value()), Ok(a.clone()));
    }
    assert_eq!(class.label(), "三年级2班家长");
    assert_eq!(ParentAudience::Grade(1).label(), "一年级家长");
    assert_eq!(ParentAudience::School.label(), "全校家长");
    assert!(ParentAudience::School.covers(5, "1班"));
    assert!(ParentAudience::Grade(3).covers(3, "1班"));
    assert!(!ParentAudience::Grade(3).covers(4, "1班"));
    assert!(class.covers(3, "2班"));
    assert!(!class.covers(3, "1班"));
    assert!(!class.covers(2, "2班"));
}

#[test]
fn a_notice_needs_a_title_a_body_and_an_audience() {
    let input = NoticeInput {
        title: " 关于开展消防演练的通知 ".into(),
        body: "请各校于本周内完成。".into(),
        audience: "township".into(),
        audience_value: "3".into(),
    };
    let d = input.parse().unwrap();
    assert_eq!(d.title, "关于开展消防演练的通知");
    assert_eq!(d.audience, Audience::Township(3));
    let empty = NoticeInput::default().parse().unwrap_err();
    let fields: Vec<_> = empty.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["title", "body", "audience"]);
    let long = NoticeInput {
        title: "题".repeat(MAX_TITLE + 1),
        ..input.clone()
    };
    assert_eq!(long.parse().unwrap_err()[0].field, "title");
    let exact = NoticeInput {
        title: "题".repeat(MAX_TITLE),
        body: "文".repeat(MAX_BODY),
        ..input.clone()
    };
    assert!(exact.parse().is_ok());
    let body = NoticeInput {
        body: "文".repeat(MAX_BODY + 1),
        ..input.clone()
    };
    assert_eq!(body.parse().unwrap_err()[0].field, "body");
    let parents = NoticeInput {
        audience: "grade".into(),
        audience_value: "5".into(),
        ..input
    };
    assert_eq!(
        parents.parse_for_parents().unwrap().audience,
        ParentAudience::Grade(5)
    );
    assert!(parents.parse().is_err());
}

#[test]
fn read_rate_is_a_percentage_with_one_decimal() {
    assert_eq!(read_rate(0, 0), None);
    assert_eq!(read_rate(5, 0), None);
    assert_eq!(read_rate(0, 3), Some(0.0));
    assert_eq!(read_rate(1, 3), Some(33.3));
    assert_eq!(read_rate(2, 3), Some(66.7));
    assert_eq!(read_rate(3, 3), Some(100.0));
    assert_eq!(read_rate(4, 3), Some(100.0));
    assert_eq!(read_rate(-1, 3), Some(0.0));
}

#[test]
fn a_parent_confirms_with_the_name_and_the_id_tail() {
    let id = "330502201503150012";
    assert_eq!(id_tail(id), "0012");
    assert_eq!(id_tail("33050220150315001x"), "001X");
    assert_eq!(id_tail("12"), "12");
    assert!(confirms(" 张小明 ", "0012", "张小明", id));
    assert!(confirms("张小明", "001x", "张小明", "33050220150315001X"));
    assert!(!confirms("张小明", "0013", "张小明", id));
    assert!(!confirms("张小红", "0012", "张小明", id));
    assert!(!confirms("张小明", "012", "张小明", id));
    assert!(!confirms("张小明", "00012", "张小明", id));
    assert!(!confirms("", "0012", "", id));
    assert!(!confirms("张小明", "12", "张小明", "12"));
}

#[test]
fn class_codes_use_their_alphabet() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let code = class_code(&mut rng);
    assert!(is_class_code(&code), "{code}");
    assert_ne!(code, class_code(&mut rng));
    assert!(!is_class_code("ABCDEFG"));
    assert!(!is_class_code("ABCDEFGHJ"));
    assert!(!is_class_code("ABCDEFG0"));
    assert!(!is_class_code("abcdefgh"));
}

proptest! {
    #[test]
    fn parsing_never_panics(kind in ".{0,12}", value in ".{0,40}") {
        let _ = Audience::parse(&kind, &value);
        let _ = ParentAudience::parse(&kind, &value);
        let _ = id_tail(&value);
        let _ = confirms(&kind, &value, &kind, &value);
        let _ = is_class_code(&value);
    }

    #[test]
    fn chosen_audiences_match_exactly_their_ids(ids in proptest::collection::vec(1i64..500, 1..30), probe in 1i64..500) {
        let value = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let a = Audience::parse("chosen", &value).unwrap();
        prop_assert_eq!(a.matches(&facts(probe, "211", 1)), ids.contains(&probe));
    }

    #[test]
    fn read_rates_stay_between_0_and_100(read in -10i64..1000, total in 1i64..1000) {
        let r = read_rate(read, total).unwrap();
        prop_assert!((0.0..=100.0).contains(&r));
    }
}
