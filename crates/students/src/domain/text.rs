//! Free text typed into a form field: required, and not too long.

use platform::FieldError;

/// What a text field is called: in full when asking for it ("请填写劝返责任人"),
/// and short when it is too long ("责任人不能超过 50 字").
pub struct Label {
    pub field: &'static str,
    pub ask: &'static str,
    pub short: &'static str,
    pub max: usize,
}

impl Label {
    pub const fn new(
        field: &'static str,
        ask: &'static str,
        short: &'static str,
        max: usize,
    ) -> Label {
        Label {
            field,
            ask,
            short,
            max,
        }
    }
}

/// The value trimmed; when empty or longer than `label.max` characters, an
/// error for the field is added to `errors`.
pub fn required<'a>(errors: &mut Vec<FieldError>, label: &Label, value: &'a str) -> &'a str {
    let v = value.trim();
    match v.chars().count() {
        0 => errors.push(FieldError::new(label.field, format!("请填写{}", label.ask))),
        n if n > label.max => errors.push(FieldError::new(
            label.field,
            format!("{}不能超过 {} 字", label.short, label.max),
        )),
        _ => {}
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARER: Label = Label::new("carer", "关爱人", "关爱人", 3);

    #[test]
    fn empty_and_long_values_are_refused_and_others_trimmed() {
        let mut e = Vec::new();
        assert_eq!(required(&mut e, &CARER, "  王老师 "), "王老师");
        assert!(e.is_empty());
        required(&mut e, &CARER, "   ");
        required(&mut e, &CARER, "王大老师");
        let msgs: Vec<&str> = e.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(msgs, ["请填写关爱人", "关爱人不能超过 3 字"]);
    }
}
