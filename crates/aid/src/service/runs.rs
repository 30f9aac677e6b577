//! 资格审核与发放: a term's eligibility run in one streaming pass over the
//! students, the batch's approval and payment, and reversing corrections.

use std::collections::HashMap;
use std::time::Instant;

use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, Tx};
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::eligibility::MAX_PROGRAMS_PER_RUN;
use crate::domain::{evaluate_all, incompatibility_sets, Facts, Fen, Rule, Term, TermInput, Why};
use crate::store::{self, batches, facts, ledger, BatchRow};

/// A request to compute a term's batch.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct RunRequest {
    #[serde(flatten)]
    pub term: TermInput,
    /// Programs to include, in priority order; empty = every active program.
    #[serde(default)]
    pub programs: Vec<i64>,
    #[serde(default)]
    pub note: String,
}

/// Per program of a run: 人数 and amount.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProgramTotal {
    pub program_id: i64,
    pub name: String,
    pub students: i64,
    /// Fen.
    pub amount: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RunOutcome {
    pub batch: BatchRow,
    pub programs: Vec<ProgramTotal>,
    /// Time spent reading and evaluating, and writing, in milliseconds.
    pub eval_ms: u128,
    pub write_ms: u128,
}

/// Computes the batch for a term: refuses a term whose programs are
/// already approved or paid, replaces an earlier draft of the same term,
/// then evaluates every program for every student in one pass and writes
/// the ledger rows in bulk, all in one transaction.
pub async fn run(db: &Db, caller: &Caller, req: &RunRequest) -> Result<RunOutcome, AppError> {
    caller.require_bureau(WorkArea::Aid)?;
    let term = req.term.validate().map_err(AppError::Invalid)?;
    let all = store::programs::list(db).await?;
    let chosen: Vec<&store::Program> = if req.programs.is_empty() {
        all.iter().filter(|p| p.def.active).collect()
    } else {
        let mut v = Vec::new();
        for id in &req.programs {
            let p = all
                .iter()
                .find(|p| p.id == *id)
                .ok_or_else(|| AppError::invalid("programs", format!("资助项目 #{id} 不存在")))?;
            if !v.iter().any(|x: &&store::Program| x.id == *id) {
                v.push(p);
            }
        }
        v
    };
    if chosen.is_empty() {
        return Err(AppError::invalid(
            "programs",
            "没有可计算的资助项目：请先设立项目或选择项目",
        ));
    }
    if chosen.len() > MAX_PROGRAMS_PER_RUN {
        return Err(AppError::invalid(
            "programs",
            format!("一次最多计算 {MAX_PROGRAMS_PER_RUN} 个项目"),
        ));
    }
    let ids: Vec<i64> = chosen.iter().map(|p| p.id).collect();
    let mut tx = db.begin().await?;
    let settled = batches::settled_for(&mut tx, term.key(), &ids).await?;
    if let Some((pid, bid, status)) = settled.first() {
        let name = chosen
            .iter()
            .find(|p| p.id == *pid)
            .map(|p| p.def.name.as_str())
            .unwrap_or("");
        return Err(AppError::Conflict(format!(
            "{}的“{name}”已{}（批次 #{bid}），不能重复计算；如需更正个别学生，请对台账记录做冲销。",
            term.label(),
            batches::status_label(status)
        )));
    }
    for draft in batches::drafts_for(&mut tx, term.key(), &ids).await? {
        batches::discard(&mut tx, draft).await?;
    }
    let batch =
        batches::insert(&mut tx, "run", &term, req.note.trim(), &caller.who.username).await?;
    batches::add_programs(&mut tx, batch, &ids).await?;
    let rules: Vec<Rule> = chosen
        .iter()
        .map(|p| Rule::compile(p.id, &p.def, &term))
        .collect();
    let incompatible = incompatibility_sets(
        &chosen
            .iter()
            .map(|p| (p.id, p.def.incompatible_with.clone()))
            .collect::<Vec<_>>(),
    );
    let totals = evaluate_and_write(&mut tx, batch, &term, &rules, &incompatible).await?;
    let programs: Vec<ProgramTotal> = chosen
        .iter()
        .zip(&totals.per_rule)
        .map(|(p, (n, f))| ProgramTotal {
            program_id: p.id,
            name: p.def.name.clone(),
            students: *n,
            amount: f.0,
        })
        .collect();
    let sum: i64 = programs.iter().map(|p| p.amount).sum();
    let rows: i64 = programs.iter().map(|p| p.students).sum();
    batches::set_totals(&mut tx, batch, totals.scanned, rows, sum, totals.conflicts).await?;
    let row = batches::get_in(&mut tx, batch).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "create",
            "aid_batch",
            format!(
                "计算{}资助批次 #{batch}：{rows} 人次，{}",
                term.label(),
                Fen(sum)
            ),
        )
        .id(batch)
        .after(&programs),
    )
    .await?;
    tx.commit().await?;
    Ok(RunOutcome {
        batch: row,
        programs,
        eval_ms: totals.eval_ms,
        write_ms: totals.write_ms,
    })
}

struct Totals {
    scanned: i64,
    conflicts: i64,
    per_rule: Vec<(i64, Fen)>,
    eval_ms: u128,
    write_ms: u128,
}

/// The single pass: pages of students in id order, every rule evaluated per
/// student in memory, rows written per page.
async fn evaluate_and_write(
    tx: &mut Tx,
    batch: i64,
    term: &Term,
    rules: &[Rule],
    incompatible: &[u64],
) -> Result<Totals, AppError> {
    let places = facts::places(tx).await?;
    let pattern = facts::local_pattern(tx).await?;
    let applied = facts::approved_applications(tx, term.key()).await?;
    let sql = facts::page_sql();
    let mut reasons: HashMap<Why, i64> = HashMap::new();
    let mut t = Totals {
        scanned: 0,
        conflicts: 0,
        per_rule: vec![(0, Fen::ZERO); rules.len()],
        eval_ms: 0,
        write_ms: 0,
    };
    let (mut page, mut hits, mut clashes) = (Vec::<Facts>::new(), Vec::new(), Vec::new());
    let (mut rows, mut conflict_rows) = (Vec::<i64>::new(), Vec::<i64>::new());
    let mut after = 0;
    loop {
        let started = Instant::now();
        facts::page(
            tx,
            &sql,
            &pattern,
            term.census_date(),
            after,
            &places,
            &mut page,
        )
        .await?;
        let Some(last) = page.last() else { break };
        after = last.student;
        t.scanned += page.len() as i64;
        rows.clear();
        conflict_rows.clear();
        for f in &page {
            let has_application = |i: usize| applied.contains(&(rules[i].program, f.student));
            evaluate_all(
                rules,
                incompatible,
                f,
                has_application,
                &mut hits,
                &mut clashes,
            );
            for h in &hits {
                let reason = match reasons.get(&h.why) {
                    Some(id) => *id,
                    None => {
                        let id = ledger::reason_id(tx, &rules[h.rule].reason_text(&h.why)).await?;
                        reasons.insert(h.why, id);
                        id
                    }
                };
                let r = &rules[h.rule];
                rows.extend_from_slice(&[
                    batch,
                    r.program,
                    f.student,
                    term.key(),
                    f.institution,
                    f.grade,
                    r.units,
                    h.amount.0,
                    reason,
                ]);
                t.per_rule[h.rule].0 += 1;
                t.per_rule[h.rule].1 += h.amount;
            }
            for (kept, dropped) in &clashes {
                conflict_rows.extend_from_slice(&[
                    batch,
                    f.student,
                    rules[*kept].program,
                    rules[*dropped].program,
                ]);
            }
        }
        t.conflicts += (conflict_rows.len() / 4) as i64;
        t.eval_ms += started.elapsed().as_millis();
        let started = Instant::now();
        ledger::insert_ints(tx, "aid_ledger", ledger::PAYMENT_COLUMNS, &rows).await?;
        ledger::insert_ints(
            tx,
            "aid_conflicts",
            ledger::CONFLICT_COLUMNS,
            &conflict_rows,
        )
        .await?;
        t.write_ms += started.elapsed().as_millis();
    }
    Ok(t)
}

pub use super::approval::{approve, pay};
