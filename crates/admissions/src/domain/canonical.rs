//! The fingerprint of a round's input (输入数据摘要), published beside the
//! seed and the results so anyone can confirm they re-ran the same input.

use super::instance::Instance;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// First line of the canonical text; bump it if the format ever changes.
pub const CANONICAL_HEADER: &str = "edubureau-admissions-instance v1";

/// Hex SHA-256 of the canonical text of `inst`:
///
/// ```text
/// edubureau-admissions-instance v1
/// schools <number of schools>
/// <seats of school 0>
/// ...
/// children <number of children>
/// <byte length of key>:<key> <number of choices>[ <school>:<tier>]...
/// ...
/// ```
///
/// every line ending in `\n`, numbers in decimal, children sorted by key
/// (byte order) so the order of the input file does not matter, choices in
/// the child's own order. The length prefix keeps any key unambiguous.
pub fn input_hash(inst: &Instance) -> String {
    let mut hasher = Sha256::new();
    let mut line = String::with_capacity(128);
    line.push_str(CANONICAL_HEADER);
    line.push('\n');
    let _ = writeln!(line, "schools {}", inst.schools.len());
    hasher.update(line.as_bytes());
    for school in &inst.schools {
        line.clear();
        let _ = writeln!(line, "{}", school.seats);
        hasher.update(line.as_bytes());
    }
    line.clear();
    let _ = writeln!(line, "children {}", inst.children.len());
    hasher.update(line.as_bytes());

    let mut order: Vec<usize> = (0..inst.children.len()).collect();
    order.sort_by(|&a, &b| {
        inst.children[a]
            .key
            .as_bytes()
            .cmp(inst.children[b].key.as_bytes())
    });
    for i in order {
        let child = &inst.children[i];
        line.clear();
        let _ = write!(
            line,
            "{}:{} {}",
            child.key.len(),
            child.key,
            child.choices.len()
        );
        for c in &child.choices {
            let _ = write!(line, " {}:{}", c.school, c.tier);
        }
        line.push('\n');
        hasher.update(line.as_bytes());
    }
    to_hex(&hasher.finalize())
}

/// Hex SHA-256 of several strings taken together, e.g. the round's
/// [`input_hash`] and the list of early admissions: each part is fed as
/// `<byte length>:<part>\n`, so no two different lists hash alike.
pub fn hash_parts(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(format!("{}:", part.len()).as_bytes());
        hasher.update(part.as_bytes());
        hasher.update(b"\n");
    }
    to_hex(&hasher.finalize())
}

fn to_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instance::{ChildSpec, Choice, SchoolSpec};

    fn round() -> Instance {
        let child = |key: &str, school: u32| ChildSpec {
            key: key.into(),
            choices: vec![Choice { school, tier: 2 }],
        };
        Instance {
            schools: vec![SchoolSpec { seats: 3 }, SchoolSpec { seats: 1 }],
            children: vec![child("B", 1), child("A", 0)],
        }
    }

    #[test]
    fn the_hash_is_that_of_the_documented_text() {
        let text = "edubureau-admissions-instance v1\nschools 2\n3\n1\nchildren 2\n\
                    1:A 1 0:2\n1:B 1 1:2\n";
        let expected = to_hex(&Sha256::digest(text.as_bytes()));
        assert_eq!(input_hash(&round()), expected);
        assert_eq!(expected.len(), 64);
    }

    #[test]
    fn parts_are_length_prefixed() {
        let expected = to_hex(&Sha256::digest(b"2:ab\n1:c\n"));
        assert_eq!(hash_parts(&["ab", "c"]), expected);
        assert_ne!(hash_parts(&["ab", "c"]), hash_parts(&["a", "bc"]));
    }

    #[test]
    fn order_of_children_does_not_matter_but_content_does() {
        let mut swapped = round();
        swapped.children.reverse();
        assert_eq!(input_hash(&swapped), input_hash(&round()));
        swapped.schools[0].seats = 4;
        assert_ne!(input_hash(&swapped), input_hash(&round()));
    }
}
