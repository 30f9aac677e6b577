use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A valid ID number of someone born on `birth` (serial `seq`).
fn id_of(birth: &str, seq: &str) -> String {
    let body = format!("330503{birth}{seq}");
    format!(
        "{body}{}",
        platform::vocab::identity::check_char(&body).unwrap()
    )
}

fn input() -> CardInput {
    CardInput {
        name: " 张三 ".into(),
        id_number: id_of("19600101", "123"),
        phone: "139 0000 1111".into(),
        township_id: "4".into(),
        community: "东迁社区".into(),
        password: "study2026".into(),
    }
}

#[test]
fn check_char_follows_iso_7064_mod_11_2() {
    // The body of a known 公民身份号码 gives its published check character.
    assert_eq!(check_char("11010519491231002"), Some('X'));
    assert_eq!(check_char("44052418800101001"), Some('4'));
    assert_eq!(check_char(""), Some('1'));
    assert_eq!(check_char("12a"), None);
}

#[test]
fn card_numbers_are_allocated_and_read_back() {
    let no = CardNo::allocate("330503", 1).unwrap();
    assert_eq!(&no.as_str()[..14], "33050300000001");
    assert_eq!(no.as_str().len(), 15);
    assert_eq!(
        CardNo::parse(&format!(" {} ", no.as_str().to_lowercase())),
        Some(no.clone())
    );
    assert_eq!(no.to_string(), no.as_str());
    assert_eq!(
        CardNo::allocate("330503", MAX_SERIAL).unwrap().as_str()[6..14],
        *"99999999"
    );
    assert_eq!(CardNo::allocate("330503", 0), None);
    assert_eq!(CardNo::allocate("330503", MAX_SERIAL + 1), None);
    assert_eq!(CardNo::allocate("33050", 1), None);
    assert_eq!(CardNo::allocate("3305031", 1), None);
    assert_eq!(CardNo::allocate("33050a", 1), None);
}

#[test]
fn card_numbers_with_a_wrong_check_or_length_are_refused() {
    let no = CardNo::allocate("330503", 42).unwrap();
    let s = no.as_str();
    let wrong = if s.ends_with('0') { "1" } else { "0" };
    assert_eq!(CardNo::parse(&format!("{}{wrong}", &s[..14])), None);
    assert_eq!(CardNo::parse(&s[..14]), None);
    assert_eq!(CardNo::parse(&format!("{s}0")), None);
    assert_eq!(CardNo::parse("一二三四五"), None);
}

#[test]
fn an_x_check_character_is_read() {
    let x = (1..200)
        .filter_map(|n| CardNo::allocate("330503", n))
        .find(|c| c.as_str().ends_with('X'))
        .unwrap();
    assert_eq!(CardNo::parse(&x.as_str().to_lowercase()), Some(x));
}

#[test]
fn mobile_numbers() {
    assert_eq!(
        Mobile::parse("13900001111").unwrap().as_str(),
        "13900001111"
    );
    assert_eq!(
        Mobile::parse(" 139-0000-1111 ").unwrap().as_str(),
        "13900001111"
    );
    assert_eq!(
        Mobile::parse("+86 13900001111").unwrap().as_str(),
        "13900001111"
    );
    assert_eq!(
        Mobile::parse("8619900001111").unwrap().as_str(),
        "19900001111"
    );
    for bad in [
        "",
        "1390000111",
        "139000011112",
        "12900001111",
        "10900001111",
        "23900001111",
        "1390000111a",
        "0572-2345678",
        "+85 13900001111",
        "8613900001111x",
    ] {
        assert_eq!(Mobile::parse(bad), None, "{bad}");
    }
    assert!(Mobile::parse("13000000000").is_some());
    assert!(Mobile::parse("19999999999").is_some());
}

#[test]
fn ages() {
    let birth = day(1960, 6, 15);
    assert_eq!(age_on(birth, day(2026, 6, 14)), 65);
    assert_eq!(age_on(birth, day(2026, 6, 15)), 66);
    assert_eq!(age_on(birth, day(2026, 12, 1)), 66);
    assert_eq!(age_on(birth, day(1960, 6, 15)), 0);
    assert_eq!(age_on(birth, day(1950, 1, 1)), 0);
    let leap = day(2000, 2, 29);
    assert_eq!(age_on(leap, day(2017, 2, 28)), 16);
    assert_eq!(age_on(leap, day(2017, 3, 1)), 17);
}

#[test]
fn sign_in_names() {
    let no = CardNo::allocate("330503", 7).unwrap();
    assert_eq!(SignInName::parse(no.as_str()), Some(SignInName::Card(no)));
    assert_eq!(
        SignInName::parse("13900001111"),
        Some(SignInName::Phone(Mobile::parse("13900001111").unwrap()))
    );
    assert_eq!(SignInName::parse("zhangsan"), None);
}

#[test]
fn a_registration_takes_sex_and_birth_date_from_the_id() {
    let d = input().parse(day(2026, 12, 1), true).unwrap();
    assert_eq!(d.name, "张三");
    assert_eq!(d.birth_date, day(1960, 1, 1));
    assert_eq!(d.sex_code(), "m");
    assert_eq!(d.phone.as_str(), "13900001111");
    assert_eq!(d.township_id, 4);
    assert_eq!(d.community, "东迁社区");
    let mut f = input();
    f.id_number = id_of("19600101", "124");
    assert_eq!(f.parse(day(2026, 12, 1), false).unwrap().sex_code(), "f");
    assert_eq!(sex_code(Sex::Female), "f");
}

fn fields(input: &CardInput, online: bool) -> Vec<String> {
    input
        .parse(day(2026, 12, 1), online)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let bad = CardInput {
        name: " ".into(),
        id_number: "330503196001011230".into(),
        phone: "12345".into(),
        township_id: "x".into(),
        community: "社".repeat(51),
        password: "short".into(),
    };
    assert_eq!(
        fields(&bad, true),
        [
            "name",
            "id_number",
            "phone",
            "township_id",
            "community",
            "password"
        ]
    );
    assert_eq!(fields(&bad, false).len(), 5);
    let mut long = input();
    long.name = "名".repeat(31);
    assert_eq!(fields(&long, false), ["name"]);
    long.name = "名".repeat(30);
    long.community = "社".repeat(50);
    assert!(long.parse(day(2026, 12, 1), false).is_ok());
}

#[test]
fn the_check_digit_and_age_of_the_id_are_checked() {
    let mut f = input();
    let good = f.id_number.clone();
    let last = if good.ends_with('0') { '1' } else { '0' };
    f.id_number = format!("{}{last}", &good[..17]);
    let e = f.parse(day(2026, 12, 1), false).unwrap_err();
    assert_eq!(e[0].field, "id_number");
    assert!(e[0].message.starts_with("身份证号有误"), "{}", e[0].message);
    f.id_number = id_of("20101202", "123");
    let e = f.parse(day(2026, 12, 1), false).unwrap_err();
    assert_eq!(e[0].message, "持卡人须年满 16 周岁");
    f.id_number = id_of("20101201", "123");
    assert!(f.parse(day(2026, 12, 1), false).is_ok());
}

proptest! {
    #[test]
    fn allocated_numbers_parse_and_one_changed_digit_is_caught(
        serial in 1i64..=MAX_SERIAL, pos in 0usize..14, delta in 1u8..10,
    ) {
        let no = CardNo::allocate("330503", serial).unwrap();
        prop_assert_eq!(CardNo::parse(no.as_str()), Some(no.clone()));
        let mut b = no.as_str().as_bytes().to_vec();
        b[pos] = b'0' + (b[pos] - b'0' + delta) % 10;
        let changed = String::from_utf8(b).unwrap();
        prop_assert_eq!(CardNo::parse(&changed), None);
    }

    #[test]
    fn swapped_neighbours_are_caught(serial in 1i64..=MAX_SERIAL, pos in 0usize..13) {
        let no = CardNo::allocate("330503", serial).unwrap();
        let mut b = no.as_str().as_bytes().to_vec();
        prop_assume!(b[pos] != b[pos + 1]);
        b.swap(pos, pos + 1);
        prop_assert_eq!(CardNo::parse(&String::from_utf8(b).unwrap()), None);
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,40}") {
        let _ = CardNo::parse(&s);
        let _ = Mobile::parse(&s);
        let _ = SignInName::parse(&s);
    }

    #[test]
    fn valid_mobiles_parse_to_themselves(second in 3u8..=9, rest in "[0-9]{9}") {
        let s = format!("1{second}{rest}");
        prop_assert_eq!(Mobile::parse(&s).map(|m| m.0), Some(s));
    }

    #[test]
    fn age_grows_by_one_each_birthday(y in 1920i32..2010, m in 1u32..=12, d in 1u32..=28, n in 0i32..90) {
        let birth = day(y, m, d);
        let birthday = day(y + n, m, d);
        prop_assert_eq!(age_on(birth, birthday), n as u32);
        prop_assert_eq!(age_on(birth, birthday.pred_opt().unwrap()), (n - 1).max(0) as u32);
    }
}
