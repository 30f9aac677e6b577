use super::DocumentType::*;
use super::*;
use proptest::prelude::*;

const VECTORS: &str = include_str!("../../../../data/standards/gb11643_test_vectors.csv");

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn with_check(body: &str) -> String {
    format!("{body}{}", check_char(body).unwrap())
}

#[test]
fn gb11643_vectors() {
    let rows: Vec<Vec<&str>> = VECTORS
        .lines()
        .skip(1)
        .map(|l| l.splitn(6, ',').collect())
        .collect();
    assert!(rows.len() >= 7);
    for f in rows {
        let (id, valid, check) = (f[0], f[1] == "true", f[2].chars().next().unwrap());
        assert_eq!(check_char(&id[..17]), Some(check), "{id}");
        let fixed = NationalId::parse(&with_check(&id[..17])).unwrap();
        let birth = fixed.birth_date().format("%Y-%m-%d").to_string();
        let sex = if f[4] == "M" { Sex::Male } else { Sex::Female };
        assert_eq!((birth.as_str(), fixed.sex()), (f[3], sex), "{id}");
        let found = id.chars().last().unwrap();
        let want = match valid {
            true => Ok(fixed),
            false => Err(IdError::CheckDigit {
                doc: ResidentId,
                expected: check,
                found,
            }),
        };
        assert_eq!(NationalId::parse(id), want, "{id}");
    }
}

#[test]
fn messages() {
    let cases = [
        ("11010519491231002", "身份证号应为 18 位，实际为 17 位"),
        (
            "110105194912310021",
            "身份证号校验位错误：最后一位应为 X，而不是 1",
        ),
        (
            "110105194902310021",
            "身份证号中的出生日期 19490231 不是有效日期",
        ),
        (
            "110105491231002",
            "15 位旧身份证号已停用，请填写 18 位身份证号",
        ),
        (
            "99010519491231002X",
            "身份证号前两位 99 不是有效的省级行政区划代码",
        ),
        (
            "1101051949123100X2",
            "身份证号第 17 位应为数字，而不是「X」",
        ),
        (
            "11010519491231002A",
            "身份证号第 18 位应为数字或 X，而不是「A」",
        ),
        ("\u{3000} ", "身份证号不能为空"),
    ];
    for (input, want) in cases {
        assert_eq!(NationalId::parse(input).unwrap_err().to_string(), want);
    }
    assert_eq!(NationalId::parse("110105491231002"), Err(IdError::Legacy15));
    let e = validate_document(HkMacaoPass, "X1234567").unwrap_err();
    assert!(e
        .to_string()
        .starts_with("港澳居民来往内地通行证号码格式不正确"));
}

#[test]
fn normalisation_and_accessors() {
    let id = NationalId::parse("\u{3000}１１０１０５１９４９１２３１００２ｘ ").unwrap();
    assert_eq!(id.as_str(), "11010519491231002X");
    assert_eq!(NationalId::parse("11010519491231002x").unwrap(), id);
    assert_eq!(id.division_code(), "110105");
    assert_eq!(id.masked(), "110105********002X");
    assert_eq!(format!("{id:?}"), "NationalId(110105********002X)");
    let zj = NationalId::parse(&with_check("33050320100101123")).unwrap();
    assert!(zj.masked().starts_with("330503********123"));
    assert_eq!((zj.sex(), zj.birth_date()), (Sex::Male, ymd(2010, 1, 1)));
    assert_eq!((Sex::Male.label(), Sex::Male.code()), ("男", "1"));
    assert_eq!((Sex::Female.label(), Sex::Female.code()), ("女", "2"));
    assert_eq!(
        (check_char("1234"), check_char("1101051949123100a")),
        (None, None)
    );
}

#[test]
fn parse_at_limits_birth_date() {
    let at = |s: &str| NationalId::parse_at(s, ymd(2024, 6, 1)).map_err(|e| e.to_string());
    assert!(at("11010519491231002X").is_ok());
    let future = with_check("11010520300101002");
    assert!(NationalId::parse(&future).is_ok());
    assert_eq!(
        at(&future).unwrap_err(),
        "身份证号中的出生日期 20300101 晚于今天"
    );
    let old = at("440524188001010014").unwrap_err();
    assert_eq!(old, "身份证号中的出生日期 18800101 早于 1900 年");
}

#[test]
fn document_type_parse() {
    for d in DocumentType::ALL {
        assert_eq!(DocumentType::parse(d.key()), Some(d));
        assert_eq!(DocumentType::parse(d.label()), Some(d));
    }
    let cases = [
        ("居民身份证", ResidentId),
        (" 身份证 ", ResidentId),
        ("1", ResidentId),
        ("港澳台居民居住证", HkMacaoTaiwanResidence),
        ("香港特区护照/身份证明", HkMacaoPass),
        ("澳门特区护照/身份证明", HkMacaoPass),
        ("7", HkMacaoPass),
        ("台湾居民来往大陆通行证", TaiwanPass),
        ("护照", Passport),
        ("a", Passport),
        ("境外永久居住证", ForeignPermanentResidence),
        ("其他", Other),
        ("Z", Other),
        ("户口簿", Other),
    ];
    for (s, d) in cases {
        assert_eq!(DocumentType::parse(s), Some(d), "{s}");
    }
    assert_eq!(
        (DocumentType::parse("驾驶证"), DocumentType::parse("")),
        (None, None)
    );
}

#[test]
fn documents_good_and_bad() {
    let ok = |d, s: &str, want: &str| assert_eq!(validate_document(d, s).as_deref(), Ok(want));
    let bad = |d, s: &str| assert!(validate_document(d, s).is_err(), "{d:?} {s}");
    ok(ResidentId, " 11010519491231002x", "11010519491231002X");
    bad(ResidentId, "110105194912310021");
    let hk = with_check("81000019900101002");
    ok(HkMacaoTaiwanResidence, &hk, &hk);
    let e = validate_document(HkMacaoTaiwanResidence, "11010519491231002X");
    assert_eq!(e, Err(IdError::ResidencePrefix { code: "11".into() }));
    ok(HkMacaoPass, "h12345678", "H12345678");
    ok(HkMacaoPass, "M1234567890", "M1234567890");
    ok(TaiwanPass, "12345678", "12345678");
    ok(TaiwanPass, "１２３４５６７８９０", "1234567890");
    ok(Passport, "e12345678", "E12345678");
    ok(
        ForeignPermanentResidence,
        "USA123456789012",
        "USA123456789012",
    );
    let new = with_check("93112019900101001");
    ok(ForeignPermanentResidence, &new, &new);
    ok(Other, " 军官证 123 ", "军官证 123");
    let bad_cases = [
        (
            HkMacaoPass,
            vec!["H1234567", "X12345678", "H123456789", "12345678"],
        ),
        (TaiwanPass, vec!["123456789", "1234567A", ""]),
        (Passport, vec!["E123", "E1234567890123456789", "E-1234567"]),
        (
            ForeignPermanentResidence,
            vec!["US1123456789012", "831120199001010012"],
        ),
        (
            Other,
            vec!["", "a\u{7}b", "x123456789x123456789x123456789x"],
        ),
    ];
    for (d, inputs) in bad_cases {
        inputs.into_iter().for_each(|s| bad(d, s));
    }
    let wrong = format!(
        "{}{}",
        &new[..17],
        if new.ends_with('0') { '1' } else { '0' }
    );
    let e = validate_document(ForeignPermanentResidence, &wrong).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("外国人永久居留身份证号码校验位错误"),
        "{e}"
    );
}

fn body17() -> impl Strategy<Value = String> {
    let province = prop::sample::select(PROVINCES.to_vec());
    (province, 0u32..10_000, 0u64..47_000, 0u32..1000).prop_map(|(p, area, days, seq)| {
        let date = ymd(1900, 1, 1) + chrono::Days::new(days);
        format!("{p:02}{area:04}{}{seq:03}", date.format("%Y%m%d"))
    })
}

proptest! {
    #[test]
    fn never_panics(
        any_s in any::<String>(),
        digits in "[0-9]{0,25}",
        mixed in "[0-9xX０-９ｘ \u{3000}]{0,25}",
        uni in "\\PC{0,30}",
    ) {
        for s in [&any_s, &digits, &mixed, &uni] {
            if let Ok(id) = NationalId::parse(s) {
                let _ = (id.birth_date(), id.sex(), id.masked(), id.division_code());
            }
            let _ = NationalId::parse_at(s, ymd(2024, 6, 1)).map_err(|e| e.to_string());
            let _ = (check_char(s), DocumentType::parse(s));
            for d in DocumentType::ALL {
                let _ = validate_document(d, s).map_err(|e| e.to_string());
            }
        }
    }

    #[test]
    fn check_char_makes_valid_ids_and_catches_single_substitutions(body in body17()) {
        let id = with_check(&body);
        prop_assert!(NationalId::parse(&id).is_ok(), "{}", id);
        for pos in 0..18 {
            for c in "0123456789X".chars().filter(|&c| pos == 17 || c != 'X') {
                if id.as_bytes()[pos] != c as u8 {
                    let mut changed = id.clone();
                    changed.replace_range(pos..=pos, c.encode_utf8(&mut [0; 4]));
                    prop_assert!(NationalId::parse(&changed).is_err(), "{}", changed);
                }
            }
        }
    }

    #[test]
    fn masked_hides_birth_date(body in body17()) {
        let id = NationalId::parse(&with_check(&body)).unwrap();
        let (m, s) = (id.masked(), id.as_str());
        prop_assert_eq!(m.len(), 18);
        prop_assert_eq!(&m[6..14], "********");
        prop_assert_eq!((&m[..6], &m[14..]), (&s[..6], &s[14..]));
    }
}
