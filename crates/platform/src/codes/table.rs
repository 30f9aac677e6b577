use std::sync::OnceLock;

/// A (code, name) table parsed from a compiled-in CSV.
#[derive(Debug)]
pub struct CodeTable {
    pub entries: Vec<(String, String)>,
}

impl CodeTable {
    /// Parses `csv` taking the `code` and `name` columns.
    pub fn parse(csv_text: &str) -> CodeTable {
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
        let entries = reader
            .records()
            .map(|r| {
                let r = r.expect("compiled-in table is valid CSV");
                (r[c].to_string(), r[n].to_string())
            })
            .collect();
        CodeTable { entries }
    }

    pub fn name(&self, code: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.as_str())
    }

    /// Finds by code or by name (imports accept either).
    pub fn code_of(&self, code_or_name: &str) -> Option<&str> {
        let v = code_or_name.trim();
        self.entries
            .iter()
            .find(|(c, n)| c == v || n == v)
            .map(|(c, _)| c.as_str())
    }
}

/// 民族, GB/T 3304.
pub fn ethnic_groups() -> &'static CodeTable {
    static T: OnceLock<CodeTable> = OnceLock::new();
    T.get_or_init(|| {
        CodeTable::parse(include_str!(
            "../../../../data/standards/gb3304_ethnic_groups.csv"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_groups_load() {
        let t = ethnic_groups();
        assert_eq!(t.name("01"), Some("汉族"));
        assert_eq!(t.code_of("回族"), Some("03"));
        assert!(t.entries.len() >= 56);
    }
}
