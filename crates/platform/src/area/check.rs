//! The start-up check of the area list: every rule of the contract that can
//! be checked without a database.

use super::Area;

/// One way the list of areas breaks the contract.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContractError {
    #[error("two areas share the key `{0}`")]
    DuplicateKey(&'static str),
    #[error("area `{0}` has an empty migration range")]
    EmptyRange(&'static str),
    #[error("the migration ranges of `{0}` and `{1}` overlap")]
    RangesOverlap(&'static str, &'static str),
    #[error("migration {version} ({name}) of `{area}` lies outside its range")]
    MigrationOutOfRange {
        area: &'static str,
        version: i64,
        name: &'static str,
    },
    #[error("area `{0}` declares no table prefix")]
    NoPrefix(&'static str),
    #[error("the table prefixes `{1}` of `{0}` and `{3}` of `{2}` overlap")]
    PrefixesOverlap(&'static str, &'static str, &'static str, &'static str),
    #[error("two indicators share the key `{0}`")]
    DuplicateIndicator(&'static str),
}

/// Checks the whole list; returns every problem found.
pub fn check_areas(areas: &[&Area]) -> Result<(), Vec<ContractError>> {
    let mut problems = Vec::new();
    for (i, a) in areas.iter().enumerate() {
        let (first, last) = a.migration_range;
        if first > last {
            problems.push(ContractError::EmptyRange(a.key));
        }
        if a.table_prefixes.is_empty() {
            problems.push(ContractError::NoPrefix(a.key));
        }
        for m in a
            .migrations
            .iter()
            .filter(|m| m.version < first || m.version > last)
        {
            problems.push(ContractError::MigrationOutOfRange {
                area: a.key,
                version: m.version,
                name: m.name,
            });
        }
        for b in &areas[i + 1..] {
            if a.key == b.key {
                problems.push(ContractError::DuplicateKey(a.key));
            }
            let (bf, bl) = b.migration_range;
            if first <= last && bf <= bl && first <= bl && bf <= last {
                problems.push(ContractError::RangesOverlap(a.key, b.key));
            }
            for pa in a.table_prefixes {
                for pb in b.table_prefixes {
                    if pa.starts_with(pb) || pb.starts_with(pa) {
                        problems.push(ContractError::PrefixesOverlap(a.key, pa, b.key, pb));
                    }
                }
            }
        }
    }
    let mut keys: Vec<&'static str> = areas
        .iter()
        .flat_map(|a| a.indicators.iter().map(|i| i.key))
        .collect();
    keys.sort_unstable();
    for w in keys.windows(2).filter(|w| w[0] == w[1]) {
        problems.push(ContractError::DuplicateIndicator(w[0]));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The area owning a table by the prefix rule, if exactly one does.
pub fn owner_of<'a>(areas: &[&'a Area], table: &str) -> Option<&'a Area> {
    let mut owners = areas
        .iter()
        .filter(|a| a.table_prefixes.iter().any(|p| table.starts_with(p)));
    match (owners.next(), owners.next()) {
        (Some(a), None) => Some(*a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::Indicator;
    use crate::db::migrate::Migration;

    const M1: &[Migration] = &[Migration {
        version: 100,
        name: "one",
        sql: "",
    }];

    fn area(key: &'static str, range: (i64, i64), prefixes: &'static [&'static str]) -> Area {
        Area {
            migration_range: range,
            table_prefixes: prefixes,
            ..Area::new(key, "测试")
        }
    }

    #[test]
    fn a_well_formed_list_passes() {
        let a = Area {
            migrations: M1,
            ..area("a", (100, 199), &["a_"])
        };
        let b = area("b", (200, 299), &["b_", "bee"]);
        assert_eq!(check_areas(&[&a, &b]), Ok(()));
        assert_eq!(owner_of(&[&a, &b], "a_things").map(|x| x.key), Some("a"));
        assert_eq!(owner_of(&[&a, &b], "beehive").map(|x| x.key), Some("b"));
        assert!(owner_of(&[&a, &b], "users").is_none());
    }

    #[test]
    fn each_breach_is_named() {
        let a = Area {
            migrations: M1,
            ..area("a", (150, 250), &["shared"])
        };
        let b = area("a", (200, 300), &["shared_more"]);
        let c = area("c", (5, 1), &[]);
        let errors = check_areas(&[&a, &b, &c]).expect_err("broken");
        assert!(errors.contains(&ContractError::DuplicateKey("a")));
        assert!(errors.contains(&ContractError::RangesOverlap("a", "a")));
        assert!(errors.contains(&ContractError::EmptyRange("c")));
        assert!(errors.contains(&ContractError::NoPrefix("c")));
        assert!(errors.contains(&ContractError::MigrationOutOfRange {
            area: "a",
            version: 100,
            name: "one"
        }));
        assert!(errors.contains(&ContractError::PrefixesOverlap(
            "a",
            "shared",
            "a",
            "shared_more"
        )));
        assert_eq!(owner_of(&[&a, &b], "shared_more_x").map(|x| x.key), None);
    }

    const AT_THE_EDGES: &[Migration] = &[
        Migration {
            version: 100,
            name: "first",
            sql: "",
        },
        Migration {
            version: 199,
            name: "last",
            sql: "",
        },
    ];

    #[test]
    fn a_range_holds_its_first_and_last_versions() {
        let a = Area {
            migrations: AT_THE_EDGES,
            ..area("a", (100, 199), &["a_"])
        };
        let single = area("b", (200, 200), &["b_"]);
        assert_eq!(check_areas(&[&a, &single]), Ok(()));
    }

    #[test]
    fn indicator_keys_are_unique_across_areas() {
        static ONE: [Indicator; 1] = [Indicator {
            key: "a.count",
            name: "数",
            unit: "个",
            definition: "",
            compute: |_, _| Box::pin(async { Ok(Vec::new()) }),
        }];
        let a = Area {
            indicators: &ONE,
            ..area("a", (100, 199), &["a_"])
        };
        let b = Area {
            indicators: &ONE,
            ..area("b", (200, 299), &["b_"])
        };
        assert_eq!(check_areas(&[&a]), Ok(()));
        assert_eq!(
            check_areas(&[&a, &b]),
            Err(vec![ContractError::DuplicateIndicator("a.count")])
        );
    }

    #[test]
    fn touching_ranges_do_not_overlap() {
        let a = area("a", (100, 199), &["a_"]);
        let b = area("b", (199, 299), &["b_"]);
        let c = area("c", (200, 299), &["c_"]);
        assert_eq!(
            check_areas(&[&a, &b]),
            Err(vec![ContractError::RangesOverlap("a", "b")])
        );
        assert_eq!(check_areas(&[&a, &c]), Ok(()));
    }
}
