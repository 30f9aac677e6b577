//! A framework as rows (one per indicator, parents before children) and
//! back: the layout of the .xlsx export and import.

use std::collections::BTreeMap;

use super::framework::{Band, Body, Framework, FrameworkError, Node};
use super::indicator_row::{Field, IndicatorRow};
use super::points::Points;

/// A problem of an imported row: the row number the user sees, the field
/// (none for the whole row) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub field: Option<Field>,
    pub reason: String,
}

/// Every indicator as a row, depth first, each after its parent.
pub fn to_rows(f: &Framework) -> Vec<IndicatorRow> {
    fn walk(nodes: &[Node], parent: &str, out: &mut Vec<IndicatorRow>) {
        for n in nodes {
            out.push(IndicatorRow::of(n, parent));
            if let Body::Group(children) = &n.body {
                walk(children, n.code.trim(), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&f.items, "", &mut out);
    out
}

/// The framework the numbered rows describe, worth `total` and graded by
/// `bands`; or every problem, each at its row: what a row cannot say
/// (a blank name, points that are not a number, a parent that is not an
/// earlier group) and what the whole framework breaks (weights that do
/// not add up, a level above its indicator's points). `bands_row` is
/// where the bands' problem is reported.
pub fn from_rows(
    total: Points,
    rows: &[(usize, IndicatorRow)],
    bands: Vec<Band>,
    bands_row: usize,
) -> Result<Framework, Vec<RowProblem>> {
    let mut f = Framework {
        total,
        items: vec![],
        bands,
    };
    let mut problems = Vec::new();
    let mut row_of: BTreeMap<String, usize> = BTreeMap::new();
    for (number, row) in rows {
        let (parent, node) = match row.parse() {
            Ok(parsed) => parsed,
            Err(fields) => {
                problems.extend(fields.into_iter().map(|(field, reason)| RowProblem {
                    row: *number,
                    field: Some(field),
                    reason,
                }));
                continue;
            }
        };
        if row_of.contains_key(&node.code) {
            problems.push(RowProblem {
                row: *number,
                field: Some(Field::Code),
                reason: FrameworkError::DuplicateCode(node.code).to_string(),
            });
            continue;
        }
        row_of.insert(node.code.clone(), *number);
        if let Err(e) = f.insert(parent.as_deref(), node) {
            problems.push(RowProblem {
                row: *number,
                field: Some(e.field()),
                reason: e.to_string(),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let first = rows.first().map(|(n, _)| *n).unwrap_or(bands_row);
    let problems: Vec<RowProblem> = f
        .check()
        .into_iter()
        .map(|e| RowProblem {
            row: match (&e, e.code()) {
                (FrameworkError::Bands, _) => bands_row,
                (_, Some(code)) => row_of.get(code).copied().unwrap_or(first),
                (_, None) => first,
            },
            field: e.field(),
            reason: e.to_string(),
        })
        .collect();
    if problems.is_empty() {
        Ok(f)
    } else {
        Err(problems)
    }
}
