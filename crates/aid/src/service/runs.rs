//! 资格审核与发放: a term's eligibility run (each distinct profile decided
//! once, the students counted and written by key in the database), the
//! batch's approval and payment, and reversing corrections.

use std::collections::HashMap;
use std::time::Instant;

use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::{Db, Tx};
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::eligibility::MAX_PROGRAMS_PER_RUN;
use crate::domain::{
    decide, incompatibility_sets, BatchId, BatchKind, Fen, ProgramId, Rule, Term, TermInput, Why,
};
use crate::store::{self, already_paid, batches, facts, ledger, BatchRow};

/// A request to compute a term's batch.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct RunRequest {
    #[serde(flatten)]
    pub term: TermInput,
    /// Programs to include, in priority order; empty = every active program.
    #[serde(default)]
    pub programs: Vec<ProgramId>,
    #[serde(default)]
    pub note: String,
}

/// Per program of a run: 人数 and amount.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProgramTotal {
    pub program_id: ProgramId,
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

/// Computes the batch for a term: replaces an earlier draft of the same
/// term, evaluates every program for every student in one pass and writes
/// the ledger rows in bulk, all in one transaction. Once the term has
/// payments, each line is checked against the ledger first: a student paid
/// already (same program, or one not to be combined with it) is listed as
/// a conflict and not paid again; a run that would pay nobody for programs
/// already settled is refused.
pub async fn run(db: &Db, caller: &Caller, req: &RunRequest) -> Result<RunOutcome, AppError> {
    super::bureau_writer(db, caller)?;
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
    let job = platform::jobs::start("aid_run");
    let ids: Vec<ProgramId> = chosen.iter().map(|p| p.id).collect();
    let exclusions = already_paid::exclusions(&all, &ids);
    let mut tx = db.begin().await?;
    let settled = batches::settled_for(&mut tx, term.key(), &ids).await?;
    for draft in batches::drafts_for(&mut tx, term.key(), &ids).await? {
        batches::discard(&mut tx, draft).await?;
    }
    let batch = batches::insert(
        &mut tx,
        BatchKind::Run,
        &term,
        req.note.trim(),
        &caller.who.username,
    )
    .await?;
    batches::add_programs(&mut tx, batch, &ids).await?;
    let rules: Vec<Rule> = chosen
        .iter()
        .map(|p| Rule::compile(p.id.0, &p.def, &term))
        .collect();
    let incompatible = incompatibility_sets(
        &chosen
            .iter()
            .map(|p| (p.id.0, p.def.incompatible_with.clone()))
            .collect::<Vec<_>>(),
    );
    let mut totals =
        evaluate_and_write(&mut tx, batch, &term, &rules, &incompatible, &exclusions).await?;
    if totals.checked {
        let written = already_paid::totals(&mut tx, batch).await?;
        for (rule, p) in totals.per_rule.iter_mut().zip(&ids) {
            let (_, n, fen) = written
                .iter()
                .find(|w| w.0 == *p)
                .copied()
                .unwrap_or((*p, 0, 0));
            *rule = (n, Fen(fen));
        }
        totals.conflicts = already_paid::conflict_count(&mut tx, batch).await?;
    }
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
    // Every program already settled for the term and nobody left to pay
    // (no payment reversed since): a second run is a mistake, say so.
    if rows == 0 && ids.iter().all(|p| settled.iter().any(|s| s.0 == *p)) {
        if let Some((pid, bid, status)) = settled.first() {
            let name = chosen
                .iter()
                .find(|p| p.id == *pid)
                .map(|p| p.def.name.as_str())
                .unwrap_or("");
            return Err(AppError::Conflict(format!(
                "{}的“{name}”{}（批次 #{bid}），所有学生均已享受，不能重复计算；如需更正个别学生，请对台账记录做冲销。",
                term.label(),
                status.label()
            )));
        }
    }
    batches::set_totals(&mut tx, batch, totals.scanned, rows, sum, totals.conflicts).await?;
    let row = batches::get(&mut tx, batch).await?;
    audit::commit(
        tx,
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
        .id(batch.0)
        .after(&programs),
    )
    .await?;
    job.rows(totals.scanned.max(0) as usize);
    job.succeeded();
    Ok(RunOutcome {
        batch: row,
        programs,
        eval_ms: totals.eval_ms,
        write_ms: totals.write_ms,
    })
}

struct Totals {
    /// Whether the lines were checked against the ledger (the term has
    /// payments already): then the counts come from the lines written.
    checked: bool,
    scanned: i64,
    conflicts: i64,
    per_rule: Vec<(i64, Fen)>,
    eval_ms: u128,
    write_ms: u128,
}

/// Decides every distinct profile once in memory, counts in one pass over
/// the students who each program reaches, then writes the ledger and the
/// conflicts with one `INSERT … SELECT` each.
async fn evaluate_and_write(
    tx: &mut Tx,
    batch: BatchId,
    term: &Term,
    rules: &[Rule],
    incompatible: &[u64],
    exclusions: &already_paid::Exclusions,
) -> Result<Totals, AppError> {
    let started = Instant::now();
    let application_rules: Vec<Option<i64>> = rules
        .iter()
        .map(|r| r.needs_application.then_some(r.program))
        .collect();
    let census = facts::prepare(tx, term.key(), term.census_date(), &application_rules).await?;
    let decisions = decide(
        rules,
        incompatible,
        &census.classes,
        &census.application_sets,
    );
    let mut reasons: HashMap<Why, i64> = HashMap::new();
    let mut reason_ids = Vec::with_capacity(decisions.len());
    for d in &decisions {
        let mut ids = Vec::with_capacity(d.hits.len());
        for h in &d.hits {
            let id = match reasons.get(&h.why) {
                Some(id) => *id,
                None => {
                    let id = ledger::reason_id(tx, &rules[h.rule].reason_text(&h.why)).await?;
                    reasons.insert(h.why, id);
                    id
                }
            };
            ids.push(id);
        }
        reason_ids.push(ids);
    }
    let programs: Vec<(i64, i64)> = rules.iter().map(|r| (r.program, r.units)).collect();
    facts::store_decisions(tx, &programs, &decisions, &reason_ids).await?;
    let tally = facts::tally(tx, &census, rules.len()).await?;
    let eval_ms = started.elapsed().as_millis();
    let started = Instant::now();
    let checked = already_paid::any_in_term(tx, term.key(), exclusions, false).await?;
    if checked {
        already_paid::create_staged(tx).await?;
    }
    facts::write(tx, &census, batch, term.key(), tally.clashes > 0, checked).await?;
    if checked {
        already_paid::write_staged(tx, batch, term.key(), exclusions).await?;
    }
    facts::finish(tx).await?;
    Ok(Totals {
        checked,
        scanned: tally.students,
        conflicts: tally.clashes,
        per_rule: tally
            .per_rule
            .into_iter()
            .map(|(n, fen)| (n, Fen(fen)))
            .collect(),
        eval_ms,
        write_ms: started.elapsed().as_millis(),
    })
}

pub use super::approval::{approve, discard, pay};
