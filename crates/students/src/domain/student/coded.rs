//! Template columns whose values come from a national code table (民族,
//! 健康状况, 政治面貌 …): typed as the code, the name or a common short
//! name (汉 for 汉族), offered as drop-down lists in the forms, stored as
//! they always were (民族 as its GB/T 3304 code, the others as the name).

use platform::codes::{self, CodeTable};

use crate::domain::template::fields;

/// What is stored for a coded column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Code,
    Name,
}

/// A template column filled from a code table.
pub struct Coded {
    pub header: &'static str,
    table: fn() -> &'static CodeTable,
    pub stored: Stored,
}

const CODED: &[Coded] = &[
    Coded {
        header: "民族",
        table: codes::ethnic_groups,
        stored: Stored::Code,
    },
    Coded {
        header: "健康状况",
        table: codes::health_statuses,
        stored: Stored::Name,
    },
    Coded {
        header: "政治面貌",
        table: codes::political_statuses,
        stored: Stored::Name,
    },
    Coded {
        header: "监护人一·民族",
        table: codes::ethnic_groups,
        stored: Stored::Name,
    },
    Coded {
        header: "监护人二·民族",
        table: codes::ethnic_groups,
        stored: Stored::Name,
    },
];

/// The coded column with this template header, if it is one.
pub fn coded(header: &str) -> Option<&'static Coded> {
    CODED.iter().find(|c| c.header == header)
}

impl Coded {
    /// The template's own allowed values the table lacks (有生理缺陷).
    fn template_extras(&self) -> impl Iterator<Item = &'static str> + '_ {
        let table = (self.table)();
        fields()
            .iter()
            .filter(|f| f.header == self.header)
            .flat_map(|f| f.allowed.iter())
            .map(String::as_str)
            .filter(move |v| table.find(v).is_none())
    }

    /// The names a form offers, in table order.
    pub fn options(&self) -> Vec<&'static str> {
        (self.table)()
            .names()
            .chain(self.template_extras())
            .collect()
    }

    /// What to store for a typed value (code, name or short name), or why
    /// it is refused.
    pub fn parse(&self, typed: &str) -> Result<&'static str, String> {
        let v = typed.trim();
        if let Some((code, name)) = (self.table)().find(v) {
            return Ok(match self.stored {
                Stored::Code => code,
                Stored::Name => name,
            });
        }
        if let Some(extra) = self.template_extras().find(|e| *e == v) {
            return Ok(extra);
        }
        let examples: Vec<&str> = self.options().into_iter().take(3).collect();
        Err(format!(
            "{}“{v}”不在代码表中；请从下拉列表中选择，或填写名称、简称或代码（如 {}）",
            self.header,
            examples.join("、")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_short_names_and_codes_are_stored_as_before() {
        let mz = coded("民族").unwrap();
        for typed in ["汉", "汉族", "01"] {
            assert_eq!(mz.parse(typed), Ok("01"), "{typed}");
        }
        assert_eq!(mz.parse("回"), Ok("03"));
        assert_eq!(coded("监护人一·民族").unwrap().parse("回"), Ok("回族"));
        let health = coded("健康状况").unwrap();
        assert_eq!(health.parse("健康"), Ok("健康或良好"));
        assert_eq!(health.parse("有生理缺陷"), Ok("有生理缺陷"));
        assert!(health.options().contains(&"有生理缺陷"));
        assert_eq!(
            coded("政治面貌").unwrap().parse("团员"),
            Ok("中国共产主义青年团团员")
        );
        let e = mz.parse("火星族").unwrap_err();
        assert!(e.contains("火星族") && e.contains("下拉列表"), "{e}");
        assert!(coded("姓名").is_none());
    }

    #[test]
    fn every_coded_column_is_in_the_template() {
        for c in CODED {
            assert!(
                fields().iter().any(|f| f.header == c.header),
                "{}",
                c.header
            );
            assert!(c.options().len() >= 4);
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_accepts_what_it_offers(typed in "\\PC{0,10}") {
            for c in CODED {
                let _ = c.parse(&typed);
            }
            for c in CODED {
                for o in c.options() {
                    prop_assert!(c.parse(o).is_ok());
                }
            }
        }
    }
}
