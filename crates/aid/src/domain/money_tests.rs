//! Money as the bureau reads it: zero and negative amounts, thousands
//! separators, the messages a wrong amount gets, and the arithmetic of
//! totals.

use super::money::Fen;

#[test]
fn zero_has_no_sign_in_any_form() {
    assert_eq!(Fen::ZERO.yuan(), "0.00");
    assert_eq!(Fen::ZERO.yuan_grouped(), "0.00");
    assert_eq!(Fen::ZERO.wan_label(), "0.00万元");
    // A refund under 50 元 rounds to zero 万元: no minus sign either.
    assert_eq!(Fen(-4_999).wan_label(), "0.00万元");
    assert_eq!(Fen::parse_yuan("0"), Ok(Fen::ZERO));
}

#[test]
fn grouped_amounts_put_a_separator_every_three_digits_and_keep_the_sign() {
    assert_eq!(Fen::from_yuan(123_456).yuan_grouped(), "123,456.00");
    assert_eq!(Fen(-123_456_789).yuan_grouped(), "-1,234,567.89");
    assert_eq!(Fen(99_999).yuan_grouped(), "999.99");
    assert_eq!(Fen(100_000).yuan_grouped(), "1,000.00");
    assert_eq!(Fen(184_600_005).to_string(), "1,846,000.05元");
}

#[test]
fn a_wrong_amount_is_refused_with_the_reason() {
    let refused = |t: &str| Fen::parse_yuan(t).unwrap_err();
    for not_a_number in ["abc", "1e3", ".5", "1.", "1.5x", "三百"] {
        assert!(
            refused(not_a_number).contains("不是有效的数字"),
            "{not_a_number}: {}",
            refused(not_a_number)
        );
    }
    assert_eq!(refused(" "), "请填写金额");
    assert!(refused("1.234").contains("最多保留两位小数"));
    assert!(refused("1234567890").contains("过大"));
    assert_eq!(Fen::parse_yuan("999999999.99"), Ok(Fen(99_999_999_999)));
    assert_eq!(Fen::parse_yuan("12.3元"), Ok(Fen(1_230)));
}

#[test]
fn totals_add_up_and_overflow_is_caught() {
    let mut total = Fen(1_750);
    total += Fen(250);
    assert_eq!(total, Fen(2_000));
    assert_eq!(Fen(300) + Fen(45), Fen(345));
    assert_eq!(Fen(1_750).checked_mul(20), Some(Fen(35_000)));
    assert_eq!(Fen(i64::MAX / 2 + 1).checked_mul(2), None);
}
