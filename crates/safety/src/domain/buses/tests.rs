use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn bus() -> BusInput {
    BusInput {
        plate: "闽G·12345".into(),
        seats: 19,
        operator: "将乐县公交公司".into(),
        permit_no: "闽G校0012".into(),
        permit_expires: d(2027, 3, 1),
        inspection_expires: d(2027, 1, 10),
        insurance_expires: d(2027, 5, 1),
        driver_name: "李建国".into(),
        driver_class: LicenceClass::B1,
        driver_licence_expires: d(2028, 1, 1),
        driver_approved: true,
        route: "水南—古镛—学校".into(),
        pupils: 19,
    }
}

fn fields(r: Result<Plate, Vec<FieldError>>) -> Vec<String> {
    r.err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn plates_are_normalised_and_printed_with_a_dot() {
    for (text, stored) in [
        ("闽G·12345", "闽G12345"),
        (" 闽g 1234a ", "闽G1234A"),
        ("京A-D12345", "京AD12345"),
        ("粤B.8888Z", "粤B8888Z"),
    ] {
        let p = Plate::parse(text).expect(text);
        assert_eq!(p.as_str(), stored);
    }
    assert_eq!(
        Plate::parse("闽G12345").expect("plate").display(),
        "闽G·12345"
    );
}

#[test]
fn plates_out_of_format_are_refused_with_the_text() {
    for bad in [
        "",
        "闽",
        "闽G",
        "闽G1234",
        "闽G1234567",
        "XG12345",
        "闽112345",
        "闽I12345",
        "闽O12345",
        "闽G1234I",
        "闽G1234O",
        "闽G12_45",
        "闽G12三45",
    ] {
        let e = Plate::parse(bad).expect_err(bad);
        assert!(e.contains("格式不正确"), "{bad}: {e}");
        assert!(e.contains(bad.trim()), "{e}");
    }
}

#[test]
fn expiry_windows_pin_their_boundaries() {
    let today = d(2026, 12, 7);
    assert_eq!(expiry(d(2026, 12, 6), today, 30), Expiry::Expired);
    assert_eq!(expiry(today, today, 30), Expiry::Expiring);
    assert_eq!(expiry(d(2027, 1, 6), today, 30), Expiry::Expiring);
    assert_eq!(expiry(d(2027, 1, 7), today, 30), Expiry::Valid);
    assert_eq!(expiry(today, today, 0), Expiry::Expiring);
    assert_eq!(expiry(d(2026, 12, 8), today, 0), Expiry::Valid);
    assert_eq!(alert_until(today, 30), d(2027, 1, 6));
}

#[test]
fn the_first_expiry_is_the_earliest_paper() {
    let mut b = bus();
    assert_eq!(b.first_expiry(), d(2027, 1, 10));
    b.driver_licence_expires = d(2026, 12, 31);
    assert_eq!(b.first_expiry(), d(2026, 12, 31));
    b.permit_expires = d(2026, 12, 30);
    assert_eq!(b.first_expiry(), d(2026, 12, 30));
    b.insurance_expires = d(2026, 12, 1);
    assert_eq!(b.first_expiry(), d(2026, 12, 1));
}

#[test]
fn a_good_bus_passes_with_its_plate() {
    assert_eq!(bus().check().expect("valid").as_str(), "闽G12345");
}

#[test]
fn seats_must_fit_the_range_and_the_licence() {
    let mut b = bus();
    b.seats = 0;
    b.pupils = 0;
    assert_eq!(fields(b.check()), ["seats"]);
    b.seats = MAX_SEATS + 1;
    b.driver_class = LicenceClass::A1;
    assert_eq!(fields(b.check()), ["seats"]);
    b.seats = MAX_SEATS;
    assert!(b.check().is_ok());
    b.seats = 20;
    b.driver_class = LicenceClass::B1;
    assert_eq!(fields(b.check()), ["driver_class"]);
    b.seats = 10;
    b.pupils = 10;
    b.driver_class = LicenceClass::C1;
    let e = b.check().expect_err("C1 drives 9 at most");
    assert!(e[0].message.contains("核载 9 人以下"), "{}", e[0].message);
    b.seats = 9;
    b.pupils = 9;
    assert!(b.check().is_ok());
}

#[test]
fn licence_classes_bound_the_seats() {
    assert_eq!(LicenceClass::A1.max_seats(), MAX_SEATS);
    assert_eq!(LicenceClass::B1.max_seats(), 19);
    assert_eq!(LicenceClass::C1.max_seats(), 9);
}

#[test]
fn pupils_may_not_exceed_the_seats_nor_be_negative() {
    let mut b = bus();
    b.pupils = 20;
    let e = b.check().expect_err("overloaded");
    assert_eq!(e[0].field, "pupils");
    assert!(e[0].message.contains("不得超员"));
    b.pupils = -1;
    assert_eq!(fields(b.check()), ["pupils"]);
    b.pupils = 0;
    assert!(b.check().is_ok());
}

#[test]
fn names_and_numbers_are_required_and_all_problems_reported() {
    let mut b = bus();
    b.plate = "12345".into();
    b.operator = " ".into();
    b.permit_no = String::new();
    b.driver_name = String::new();
    assert_eq!(
        fields(b.check()),
        ["plate", "operator", "permit_no", "driver_name"]
    );
}

#[test]
fn stops_split_on_the_usual_separators() {
    assert_eq!(
        stops("水南—古镛、 学校,高唐→城区"),
        ["水南", "古镛", "学校", "高唐", "城区"]
    );
    assert!(stops(" ").is_empty());
}

proptest! {
    #[test]
    fn every_generated_plate_round_trips(
        p in 0usize..31,
        city in "[A-HJ-NP-Z]",
        serial in "[A-HJ-NP-Z0-9]{5,6}",
    ) {
        let province: char = PROVINCES.chars().nth(p).expect("province");
        let text = format!("{province}{city}·{serial}");
        let plate = Plate::parse(&text).expect("valid plate");
        prop_assert_eq!(plate.display(), text);
        prop_assert_eq!(Plate::parse(plate.as_str()).expect("again"), plate);
    }

    #[test]
    fn expiry_is_monotonic_in_the_date(days in -400i64..400, window in 0i64..90) {
        let today = d(2026, 12, 7);
        let on = today + Duration::days(days);
        let state = expiry(on, today, window);
        let expected = if days < 0 {
            Expiry::Expired
        } else if days <= window {
            Expiry::Expiring
        } else {
            Expiry::Valid
        };
        prop_assert_eq!(state, expected);
    }
}

fn text() -> BusText {
    BusText::from_cells(
        [
            "闽G·12345",
            "19",
            "校车公司",
            "闽G校01",
            "2027-03-01",
            "2027-01-10",
            "2027-05-01",
            "李建国",
            "b1",
            "2028-01-01",
            "是",
            "水南—学校",
            "",
        ]
        .map(String::from),
    )
}

#[test]
fn a_typed_bus_reads_every_field() {
    let b = text().parse().expect("valid");
    assert_eq!(b.seats, 19);
    assert_eq!(b.driver_class, LicenceClass::B1);
    assert!(b.driver_approved);
    assert_eq!(b.pupils, 0, "an empty count is none");
    assert_eq!(b.first_expiry(), d(2027, 1, 10));
    assert_eq!(licence_class("B1（中型客车）"), Ok(LicenceClass::B1));
}

#[test]
fn a_typed_bus_names_each_bad_or_missing_field() {
    let mut t = text();
    t.seats = "0".into();
    t.permit_expires = String::new();
    t.insurance_expires = "明年".into();
    t.driver_class = "D".into();
    t.driver_approved = "也许".into();
    t.pupils = "-1".into();
    let keys: Vec<String> = t
        .parse()
        .expect_err("bad")
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        keys,
        [
            "seats",
            "permit_expires",
            "insurance_expires",
            "driver_class",
            "driver_approved",
            "pupils"
        ]
    );
    assert_eq!(FIELDS.len(), 13);
}
