//! What an eligibility run reads and how it pairs students with decisions.
//!
//! A run works inside its transaction with five temporary tables:
//! `aid_run_class` (institution, grade → class index), `aid_run_applied`
//! (student → index of their set of approved applications),
//! `aid_run_decision` (key → per-rule count and amount, clash count),
//! `aid_run_hits` and `aid_run_clashes` (key → ledger and conflict rows).
//! Every student is then read once per statement and joined by key.
//!
//! Census rule: a student counts with the enrolment active on the census
//! date (entered on or before it, not left before or on it, not suspended
//! now). If the records show two such enrolments — a leave dated after the
//! next admission — the later-recorded one counts: a student who moved
//! mid-term is paid once, by the school they moved to. An enrolment not
//! left yet is always the student's latest record (a new one can only be
//! made once the current one is left, and the database allows one current
//! enrolment), so only left ones are looked at for a later overlap; were
//! the records ever to break that, the ledger's "nothing paid twice" index
//! would refuse the run rather than pay twice.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use platform::db::{DbError, Ints, Sql, Tx};

use super::ledger::insert_ints;
use crate::domain::decisions::Class;
use crate::domain::kinds::ownership_parse;
use crate::domain::{BatchId, Decision, Flag, Ownership, UrbanRural, FLAG_COMBINATIONS};

/// Grades a class is made for (学前 小班 = -2 … 高三 = 12).
const GRADES: std::ops::RangeInclusive<i64> = -2..=12;

const TEMP_TABLES: [&str; 5] = [
    "aid_run_class",
    "aid_run_applied",
    "aid_run_decision",
    "aid_run_hits",
    "aid_run_clashes",
];

/// The SQL for one flag bit; the order is [`Flag::bit`]'s.
fn flag_sql(f: Flag) -> &'static str {
    match f {
        Flag::Boarding => "s.boarding",
        Flag::Dibao => "s.dibao",
        Flag::RegisteredPoor => "s.registered_poor",
        Flag::Disability => "s.disability <> ''",
        Flag::Orphan => "s.orphan",
        Flag::LeftBehind => "s.left_behind > 0",
        Flag::MigrantChild => "s.migrant_child",
        Flag::LocalHukou => "s.hukou_division LIKE $1",
    }
}

/// A run's view of the students: the classes and application sets its
/// keys are made of. Built by [`prepare`]; the temporary tables live until
/// [`finish`] or the end of the transaction.
pub struct Census {
    pub classes: Vec<Class>,
    /// Index 0 is the empty set.
    pub application_sets: Vec<u64>,
    pattern: String,
    census: NaiveDate,
}

impl Census {
    fn key_sql(&self) -> String {
        let flags: Vec<String> = Flag::ALL
            .iter()
            .map(|f| format!("(CASE WHEN {} THEN {} ELSE 0 END)", flag_sql(*f), f.bit()))
            .collect();
        let profile = format!("c.class * {FLAG_COMBINATIONS} + {}", flags.join(" + "));
        match self.application_sets.len() {
            0 | 1 => profile,
            n => format!("({profile}) * {n} + COALESCE(ap.m, 0)"),
        }
    }

    /// `FROM … WHERE …` of the students counted on the census date, with
    /// `$1` the local-hukou pattern and `$2` the census date; `join` (e.g.
    /// the decisions, by `{key}`) comes after the tables the key reads.
    fn source_sql(&self, join: &str) -> String {
        let join = join.replace("{key}", &self.key_sql());
        let applied = if self.application_sets.len() > 1 {
            " LEFT JOIN aid_run_applied ap ON ap.student_id = e.student_id"
        } else {
            ""
        };
        let active = |t: &str| {
            format!("{t}.entered_on <= $2 AND {t}.status <> 'suspended' AND ({t}.left_on IS NULL OR {t}.left_on > $2)")
        };
        format!(
            " FROM students_enrolments e JOIN students s ON s.id = e.student_id JOIN aid_run_class c ON c.institution_id = e.institution_id AND c.grade = e.grade{applied}{join} WHERE {} AND (e.left_on IS NULL OR NOT EXISTS (SELECT 1 FROM students_enrolments x WHERE x.student_id = e.student_id AND x.id > e.id AND {}))",
            active("e"),
            active("x")
        )
    }

    fn query(&self, text: String) -> Sql {
        Sql::new(text).arg(self.pattern.as_str()).arg(self.census)
    }
}

fn list_table(name: &str, columns: &str) -> String {
    format!("CREATE TEMP TABLE {name} ({columns}); CREATE INDEX {name}_key ON {name} (key)")
}

/// Creates the temporary tables and fills the classes and application sets.
/// `application_rules[k]`: the program of rule `k` if it needs an application.
pub async fn prepare(
    tx: &mut Tx,
    term: i64,
    census: NaiveDate,
    application_rules: &[Option<i64>],
) -> Result<Census, DbError> {
    finish(tx).await?;
    let places = places(tx).await?;
    let mut classes: Vec<Class> = Vec::new();
    let mut index: HashMap<Class, i64> = HashMap::new();
    let mut rows = Vec::new();
    for (institution, (urban_rural, ownership, vocational)) in &places {
        for grade in GRADES {
            let class = Class {
                grade,
                urban_rural: *urban_rural,
                ownership: *ownership,
                vocational: *vocational,
            };
            let n = *index.entry(class).or_insert_with(|| {
                classes.push(class);
                classes.len() as i64 - 1
            });
            rows.extend_from_slice(&[*institution, grade, n]);
        }
    }
    let ints = |n: &[&str]| {
        n.iter()
            .map(|c| format!("{c} BIGINT NOT NULL"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    tx.create_keyed_temp_table(
        "aid_run_class",
        &ints(&["institution_id", "grade", "class"]),
        "institution_id, grade",
    )
    .await?;
    insert_ints(
        tx,
        "aid_run_class",
        &["institution_id", "grade", "class"],
        &rows,
    )
    .await?;

    let by_student = applications(tx, term, application_rules).await?;
    let mut application_sets = vec![0u64];
    let mut set_index: HashMap<u64, i64> = HashMap::from([(0, 0)]);
    let mut rows = Vec::new();
    for (student, set) in by_student {
        let n = *set_index.entry(set).or_insert_with(|| {
            application_sets.push(set);
            application_sets.len() as i64 - 1
        });
        rows.extend_from_slice(&[student, n]);
    }
    tx.create_keyed_temp_table("aid_run_applied", &ints(&["student_id", "m"]), "student_id")
        .await?;
    insert_ints(tx, "aid_run_applied", &["student_id", "m"], &rows).await?;
    Ok(Census {
        classes,
        application_sets,
        pattern: local_pattern(tx).await?,
        census,
    })
}

/// Stores the decisions: one row per key with a count and an amount per
/// rule, plus the ledger and conflict rows each key stands for.
/// `reason_ids[k][h]`: the reason id of hit `h` of decision `k`.
pub async fn store_decisions(
    tx: &mut Tx,
    rules: &[(i64, i64)],
    decisions: &[Decision],
    reason_ids: &[Vec<i64>],
) -> Result<(), DbError> {
    let mut columns = vec!["key".to_string(), "clashes".to_string()];
    for i in 0..rules.len() {
        columns.push(format!("c{i}"));
        columns.push(format!("a{i}"));
    }
    let defs: Vec<String> = columns
        .iter()
        .map(|c| format!("{c} BIGINT NOT NULL"))
        .collect();
    tx.create_keyed_temp_table("aid_run_decision", &defs.join(", "), "key")
        .await?;
    tx.execute_script(&list_table(
        "aid_run_hits",
        "key BIGINT NOT NULL, program_id BIGINT NOT NULL, units BIGINT NOT NULL, amount BIGINT NOT NULL, reason_id BIGINT NOT NULL",
    ))
    .await?;
    tx.execute_script(&list_table(
        "aid_run_clashes",
        "key BIGINT NOT NULL, kept BIGINT NOT NULL, dropped BIGINT NOT NULL",
    ))
    .await?;
    let (mut wide, mut hits, mut clashes) = (Vec::new(), Vec::new(), Vec::new());
    for (d, reasons) in decisions.iter().zip(reason_ids) {
        let start = wide.len();
        wide.push(d.key);
        wide.push(d.clashes.len() as i64);
        wide.resize(start + columns.len(), 0);
        for (h, reason) in d.hits.iter().zip(reasons) {
            wide[start + 2 + 2 * h.rule] = 1;
            wide[start + 3 + 2 * h.rule] = h.amount.0;
            let (program, units) = rules[h.rule];
            hits.extend_from_slice(&[d.key, program, units, h.amount.0, *reason]);
        }
        for (kept, dropped) in &d.clashes {
            clashes.extend_from_slice(&[d.key, rules[*kept].0, rules[*dropped].0]);
        }
    }
    let names: Vec<&str> = columns.iter().map(String::as_str).collect();
    insert_ints(tx, "aid_run_decision", &names, &wide).await?;
    insert_ints(
        tx,
        "aid_run_hits",
        &["key", "program_id", "units", "amount", "reason_id"],
        &hits,
    )
    .await?;
    insert_ints(tx, "aid_run_clashes", &["key", "kept", "dropped"], &clashes).await?;
    tx.analyze_temp_tables(&TEMP_TABLES).await
}

/// What one pass over the students gives: students counted, clashes, and
/// per rule the students reached and the amount.
pub struct Tally {
    pub students: i64,
    pub clashes: i64,
    pub per_rule: Vec<(i64, i64)>,
}

/// Counts, in one pass over the students, who each rule reaches and for how much.
pub async fn tally(tx: &mut Tx, census: &Census, rules: usize) -> Result<Tally, DbError> {
    let mut sums = vec!["COUNT(*)".to_string(), "SUM(d.clashes)".into()];
    for i in 0..rules {
        sums.push(format!("SUM(d.c{i})"));
        sums.push(format!("SUM(d.a{i})"));
    }
    let select: Vec<String> = sums
        .iter()
        .map(|s| format!("CAST({s} AS BIGINT)"))
        .collect();
    let text = format!(
        "SELECT {}{}",
        select.join(", "),
        census.source_sql(" LEFT JOIN aid_run_decision d ON d.key = {key}")
    );
    let row: Ints = tx.fetch_one(census.query(text)).await?;
    let v = row.0;
    Ok(Tally {
        students: v.first().copied().unwrap_or(0),
        clashes: v.get(1).copied().unwrap_or(0),
        per_rule: (0..rules)
            .map(|i| {
                (
                    v.get(2 + 2 * i).copied().unwrap_or(0),
                    v.get(3 + 2 * i).copied().unwrap_or(0),
                )
            })
            .collect(),
    })
}

/// Writes the batch's ledger rows and conflict records, each with one
/// `INSERT … SELECT` over the students; with `staged`, the rows go to the
/// staging table of [`already_paid`](super::already_paid) instead, to be
/// checked against the ledger.
pub async fn write(
    tx: &mut Tx,
    census: &Census,
    batch: BatchId,
    term: i64,
    clashes: bool,
    staged: bool,
) -> Result<(), DbError> {
    let lines =
        " h.program_id, e.student_id, e.institution_id, e.grade, h.units, h.amount, h.reason_id";
    let source = census.source_sql(" JOIN aid_run_hits h ON h.key = {key}");
    let ledger = if staged {
        census.query(format!(
            "INSERT INTO {} ({}) SELECT{lines}{source}",
            super::already_paid::STAGED,
            super::already_paid::STAGED_COLUMNS.join(", ")
        ))
    } else {
        census
            .query(format!("INSERT INTO aid_ledger (batch_id, term, program_id, student_id, institution_id, grade, units, amount, reason_id) SELECT $3, $4,{lines}{source}"))
            .arg(batch)
            .arg(term)
    };
    tx.execute(ledger).await?;
    if clashes {
        let conflicts = format!(
            "INSERT INTO aid_conflicts (batch_id, student_id, kept_program_id, dropped_program_id) SELECT $3, e.student_id, k.kept, k.dropped{}",
            census.source_sql(" JOIN aid_run_clashes k ON k.key = {key}")
        );
        tx.execute(census.query(conflicts).arg(batch)).await?;
    }
    Ok(())
}

/// Drops the temporary tables (also done by the end of the transaction).
pub async fn finish(tx: &mut Tx) -> Result<(), DbError> {
    for t in TEMP_TABLES {
        tx.drop_temp_table(t).await?;
    }
    Ok(())
}

/// Institution id → (城乡 class of its township, ownership, whether it is a
/// 中等职业学校).
type Places = std::collections::BTreeMap<i64, (Option<UrbanRural>, Option<Ownership>, bool)>;

async fn places(tx: &mut Tx) -> Result<Places, DbError> {
    let rows: Vec<(i64, String, String, String)> = tx
        .fetch_all(Sql::new("SELECT i.id, i.ownership, t.urban_rural, i.school_type FROM institutions i JOIN townships t ON t.id = i.township_id"))
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, own, ur, kind)| {
            let vocational = platform::vocab::is_vocational_school(&kind);
            (
                id,
                (UrbanRural::parse(&ur), ownership_parse(&own), vocational),
            )
        })
        .collect())
}

/// `LIKE` pattern of the district's own household registrations.
async fn local_pattern(tx: &mut Tx) -> Result<String, DbError> {
    let code: Option<(String,)> = tx
        .fetch_optional(Sql::new(
            "SELECT division_code FROM district ORDER BY id LIMIT 1",
        ))
        .await?;
    Ok(match code {
        Some((c,)) if !c.is_empty() => format!("{}%", c.chars().take(6).collect::<String>()),
        _ => "#%".into(),
    })
}

/// Student → bit set of the rules (by index) they hold an approved
/// application for in `term`.
async fn applications(
    tx: &mut Tx,
    term: i64,
    application_rules: &[Option<i64>],
) -> Result<HashMap<i64, u64>, DbError> {
    let wanted: HashSet<i64> = application_rules.iter().flatten().copied().collect();
    let mut out = HashMap::new();
    if wanted.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i64, i64)> = tx
        .fetch_all(Sql::new("SELECT program_id, student_id FROM aid_applications WHERE status = 'approved' AND term = ").bind(term))
        .await?;
    for (program, student) in rows {
        for (i, p) in application_rules.iter().enumerate() {
            if *p == Some(program) {
                *out.entry(student).or_insert(0) |= 1 << i;
            }
        }
    }
    Ok(out)
}
