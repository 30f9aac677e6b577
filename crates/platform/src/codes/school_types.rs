//! 办学类型, JY/T 1001 / GB/T 33782-2017 表4: 3-digit leaf codes such as
//! 111 幼儿园, 211 小学, 311 初级中学, 312 九年一贯制学校, 341 完全中学.

use std::sync::OnceLock;

#[derive(Clone, Debug)]
pub struct SchoolType {
    pub code: String,
    pub name: String,
    /// 门类, 大类 or 细类.
    pub level: String,
}

pub fn school_types() -> &'static [SchoolType] {
    static T: OnceLock<Vec<SchoolType>> = OnceLock::new();
    T.get_or_init(|| {
        let text = include_str!("../../../../data/standards/school_type_codes.csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.expect("compiled-in school types are valid CSV");
                SchoolType {
                    code: r[0].to_string(),
                    name: r[1].to_string(),
                    level: r[2].to_string(),
                }
            })
            .collect()
    })
}

/// A leaf (细类) school type by code.
pub fn school_type(code: &str) -> Option<&'static SchoolType> {
    school_types()
        .iter()
        .find(|t| t.code == code.trim() && t.level == "细类")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaf_codes_resolve() {
        assert_eq!(school_type("111").map(|t| t.name.as_str()), Some("幼儿园"));
        assert_eq!(
            school_type("312").map(|t| t.name.as_str()),
            Some("九年一贯制学校")
        );
        assert!(school_type("11").is_none(), "a 大类 is not a leaf");
        assert!(school_type("999").is_none());
    }
}
