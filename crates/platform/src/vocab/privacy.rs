//! Masking of minors' personal data for roles that do not need it.

/// 330503********123X for an 18-character number; other documents keep
/// their first two and last two characters.
pub fn mask_id_number(n: &str) -> String {
    let chars: Vec<char> = n.chars().collect();
    match chars.len() {
        18 => format!(
            "{}********{}",
            chars[..6].iter().collect::<String>(),
            chars[14..].iter().collect::<String>()
        ),
        len if len > 4 => format!(
            "{}{}{}",
            chars[..2].iter().collect::<String>(),
            "*".repeat(len - 4),
            chars[len - 2..].iter().collect::<String>()
        ),
        len => "*".repeat(len),
    }
}

/// Keeps the first six characters (city and district) of an address.
pub fn mask_address(a: &str) -> String {
    let kept: String = a.chars().take(6).collect();
    if a.chars().count() > 6 {
        format!("{kept}****")
    } else {
        kept
    }
}

/// 138****5678.
pub fn mask_phone(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    if chars.len() >= 7 {
        format!(
            "{}****{}",
            chars[..3].iter().collect::<String>(),
            chars[chars.len() - 4..].iter().collect::<String>()
        )
    } else {
        "*".repeat(chars.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn masks() {
        assert_eq!(mask_id_number("33050320150301001X"), "330503********001X");
        assert_eq!(mask_id_number("E12345678"), "E1*****78");
        assert_eq!(
            mask_address("湖州市南浔区练市镇东村12号"),
            "湖州市南浔区****"
        );
        assert_eq!(mask_phone("13812345678"), "138****5678");
    }

    proptest! {
        #[test]
        fn birth_digits_never_show(id in "[0-9]{17}[0-9X]") {
            let m = mask_id_number(&id);
            prop_assert_eq!(&m[6..14], "********");
        }

        #[test]
        fn never_panics(s in ".{0,40}") {
            let _ = (mask_id_number(&s), mask_address(&s), mask_phone(&s));
        }
    }
}
