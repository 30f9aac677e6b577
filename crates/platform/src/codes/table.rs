//! Code tables (民族, 健康状况, 政治面貌 …) compiled in from the published
//! files, looked up by code, by name, or by a common short name.

use std::sync::OnceLock;

/// A (code, name) table parsed from a compiled-in CSV, with the short
/// names people type for its entries (汉 for 汉族, 团员 for 共青团员).
#[derive(Debug)]
pub struct CodeTable {
    pub entries: Vec<(String, String)>,
    /// (short name, index into `entries`); a short name is never also a
    /// code or a name, and never names two entries.
    aliases: Vec<(String, usize)>,
}

impl CodeTable {
    /// Parses `csv` taking the `code` and `name` columns.
    pub fn parse(csv_text: &str) -> CodeTable {
        CodeTable::with_short_names(csv_text, |_, _| vec![])
    }

    /// Parses `csv` and derives each entry's short names with `short`,
    /// given the name and the whole record.
    pub fn with_short_names(
        csv_text: &str,
        short: impl Fn(&str, &csv::StringRecord) -> Vec<String>,
    ) -> CodeTable {
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let headers = reader
            .headers()
            .expect("compiled-in table has a header")
            .clone();
        let col = |n: &str| {
            headers
                .iter()
                .position(|h| h == n)
                .expect("table has code and name columns")
        };
        let (c, n) = (col("code"), col("name"));
        let records: Vec<csv::StringRecord> = reader
            .records()
            .map(|r| r.expect("compiled-in table is valid CSV"))
            .collect();
        let entries: Vec<(String, String)> = records
            .iter()
            .map(|r| (r[c].to_string(), r[n].to_string()))
            .collect();
        let taken = |s: &str| entries.iter().any(|(c, n)| c == s || n == s);
        let mut aliases: Vec<(String, usize)> = Vec::new();
        let mut ambiguous: Vec<String> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            for s in short(&r[n], r) {
                let s = s.trim().to_string();
                if s.is_empty() || taken(&s) || ambiguous.contains(&s) {
                    continue;
                }
                match aliases.iter().position(|(a, _)| *a == s) {
                    Some(p) if aliases[p].1 != i => {
                        aliases.remove(p);
                        ambiguous.push(s);
                    }
                    Some(_) => {}
                    None => aliases.push((s, i)),
                }
            }
        }
        CodeTable { entries, aliases }
    }

    pub fn name(&self, code: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.as_str())
    }

    /// The entry typed as its code, its name or a short name (imports
    /// accept any of them).
    pub fn find(&self, typed: &str) -> Option<(&str, &str)> {
        let v = typed.trim();
        self.entries
            .iter()
            .find(|(c, n)| c == v || n == v)
            .or_else(|| {
                self.aliases
                    .iter()
                    .find(|(a, _)| a == v)
                    .map(|(_, i)| &self.entries[*i])
            })
            .map(|(c, n)| (c.as_str(), n.as_str()))
    }

    /// Finds by code, name or short name, giving the code.
    pub fn code_of(&self, code_or_name: &str) -> Option<&str> {
        self.find(code_or_name).map(|(c, _)| c)
    }

    /// The names, in table order (the options of a drop-down list).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(_, n)| n.as_str())
    }
}

/// 民族, GB/T 3304; 汉 and 蒙古 stand for 汉族 and 蒙古族.
pub fn ethnic_groups() -> &'static CodeTable {
    static T: OnceLock<CodeTable> = OnceLock::new();
    T.get_or_init(|| {
        CodeTable::with_short_names(
            include_str!("../../../../data/standards/gb3304_ethnic_groups.csv"),
            |name, _| {
                name.strip_suffix('族')
                    .map(str::to_string)
                    .into_iter()
                    .collect()
            },
        )
    })
}

/// 健康状况, GB/T 2261.3; each half of a name joined by 或 (健康, 一般)
/// and a name without its leading 有 (慢性病) stand for the whole.
pub fn health_statuses() -> &'static CodeTable {
    static T: OnceLock<CodeTable> = OnceLock::new();
    T.get_or_init(|| {
        CodeTable::with_short_names(
            include_str!("../../../../data/standards/jyt_jkzk1.csv"),
            |name, _| {
                let mut s: Vec<String> = name.split('或').map(str::to_string).collect();
                s.extend(name.strip_prefix('有').map(str::to_string));
                s
            },
        )
    })
}

/// 政治面貌, GB/T 4762; the table's short forms (共青团员, 中共党员) and
/// those without 中共/共青 (团员, 党员) stand for the full names.
pub fn political_statuses() -> &'static CodeTable {
    static T: OnceLock<CodeTable> = OnceLock::new();
    T.get_or_init(|| {
        CodeTable::with_short_names(
            include_str!("../../../../data/standards/jyt_zzmm.csv"),
            |_, r| {
                let note = r.get(3).unwrap_or("").to_string();
                let bare = ["中共", "共青"]
                    .iter()
                    .find_map(|p| note.strip_prefix(p))
                    .map(str::to_string);
                std::iter::once(note.clone()).chain(bare).collect()
            },
        )
    })
}

/// 学历, JY/T code table XL (B.12); the table's own names only.
pub fn educations() -> &'static CodeTable {
    static T: OnceLock<CodeTable> = OnceLock::new();
    T.get_or_init(|| CodeTable::parse(include_str!("../../../../data/standards/jyt_xl.csv")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ethnic_groups_load() {
        let t = ethnic_groups();
        assert_eq!(t.name("01"), Some("汉族"));
        assert_eq!(t.code_of("回族"), Some("03"));
        assert!(t.entries.len() >= 56);
    }

    #[test]
    fn codes_names_and_short_names_are_accepted() {
        let t = ethnic_groups();
        for typed in ["汉", "汉族", "01", " 汉 "] {
            assert_eq!(t.find(typed), Some(("01", "汉族")), "{typed}");
        }
        assert_eq!(t.code_of("回"), Some("03"));
        assert_eq!(t.code_of("蒙古"), Some("02"));
        assert_eq!(t.code_of("火星"), None);
        let h = health_statuses();
        assert_eq!(h.find("健康").map(|e| e.1), Some("健康或良好"));
        assert_eq!(h.find("一般").map(|e| e.1), Some("一般或较弱"));
        assert_eq!(h.find("慢性病").map(|e| e.1), Some("有慢性病"));
        assert_eq!(h.find("1").map(|e| e.1), Some("健康或良好"));
        let p = political_statuses();
        assert_eq!(p.find("团员").map(|e| e.1), Some("中国共产主义青年团团员"));
        assert_eq!(p.find("共青团员").map(|e| e.0), Some("03"));
        assert_eq!(p.find("群众").map(|e| e.0), Some("13"));
        assert_eq!(p.find("13").map(|e| e.1), Some("群众"));
        let x = educations();
        assert_eq!(x.find("大学本科毕业").map(|e| e.0), Some("21"));
        assert_eq!(x.name("14"), Some("硕士研究生毕业"));
    }

    #[test]
    fn a_short_name_of_two_entries_stands_for_neither() {
        let t = CodeTable::with_short_names("code,name\n1,甲乙\n2,甲丙\n", |n, _| {
            vec![n.chars().take(1).collect()]
        });
        assert_eq!(t.find("甲"), None);
        assert_eq!(t.find("甲乙"), Some(("1", "甲乙")));
    }

    proptest! {
        #[test]
        fn lookups_never_panic(typed in "\\PC{0,8}") {
            for t in [ethnic_groups(), health_statuses(), political_statuses(), educations()] {
                if let Some((code, name)) = t.find(&typed) {
                    prop_assert_eq!(t.name(code), Some(name));
                }
            }
        }
    }
}
