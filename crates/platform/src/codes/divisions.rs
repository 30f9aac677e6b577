//! GB/T 2260 administrative divisions (province/city/county, 6 digits) and
//! townships/streets (9 digits), 2023 edition.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Debug)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub parent_code: Option<String>,
    pub level: u8,
}

fn load() -> HashMap<String, Division> {
    let mut map = HashMap::new();
    for text in [
        include_str!("../../../../data/standards/divisions_pcc_2023.csv"),
        include_str!("../../../../data/standards/divisions_township_2023.csv"),
    ] {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for r in reader.records() {
            let r = r.expect("compiled-in divisions are valid CSV");
            let d = Division {
                code: r[0].to_string(),
                name: r[1].to_string(),
                parent_code: Some(r[2].to_string()).filter(|s| !s.is_empty()),
                level: r[3].parse().unwrap_or(0),
            };
            map.insert(d.code.clone(), d);
        }
    }
    map
}

fn all() -> &'static HashMap<String, Division> {
    static T: OnceLock<HashMap<String, Division>> = OnceLock::new();
    T.get_or_init(load)
}

/// The division with this code, if the table has it.
pub fn division(code: &str) -> Option<&'static Division> {
    all().get(code.trim())
}

/// The townships/streets under a county code, in code order.
pub fn townships_of(county: &str) -> Vec<&'static Division> {
    let mut v: Vec<_> = all()
        .values()
        .filter(|d| d.parent_code.as_deref() == Some(county) && d.level == 4)
        .collect();
    v.sort_by(|a, b| a.code.cmp(&b.code));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counties_and_townships_resolve() {
        assert_eq!(division("330503").map(|d| d.name.as_str()), Some("南浔区"));
        assert_eq!(
            division("330503102").map(|d| d.name.as_str()),
            Some("练市镇")
        );
        assert_eq!(townships_of("330503").len(), 10);
        assert!(division("999999").is_none());
    }
}
