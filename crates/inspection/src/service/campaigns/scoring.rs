//! 督导评估 by the inspectors: answers per leaf scored by the framework,
//! findings noted per indicator and, from a finding, a rectification order;
//! and the bulk re-scoring of a whole campaign from its stored answers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::{AppError, FieldError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::self_evaluation::{parse_json, target_of, to_json};
use super::{framework_of, require_open, visible};
use crate::domain::campaigns::{error_code, Answers, Findings};
use crate::domain::{CampaignId, Framework, OrderId, Scored, Source};
use crate::service::orders::{self, NewOrder};
use crate::service::require_owner_bureau;
use crate::store::campaigns::targets::{self as targets, ResultRow};

/// The inspectors' answers (by leaf code) and findings of one institution.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ScoreInput {
    #[schema(value_type = Object)]
    pub answers: Answers,
    #[serde(default)]
    pub findings: Findings,
}

/// A result: points in tenths per indicator (groups included), before and
/// after vetoes, the vetoes that applied and the band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ScoreResult {
    pub by_code: BTreeMap<String, i64>,
    pub raw: i64,
    pub total: i64,
    pub vetoed_by: Vec<String>,
    pub band: Option<String>,
}

impl From<&Scored> for ScoreResult {
    fn from(s: &Scored) -> ScoreResult {
        ScoreResult {
            by_code: s.by_code.iter().map(|(c, p)| (c.clone(), p.0)).collect(),
            raw: s.raw.0,
            total: s.total.0,
            vetoed_by: s.vetoed_by.clone(),
            band: s.band.clone(),
        }
    }
}

/// The row that stores a result (or clears it).
pub(crate) fn result_row(institution_id: i64, scored: Option<&Scored>) -> ResultRow {
    ResultRow {
        institution_id,
        raw: scored.map(|s| s.raw.0),
        total: scored.map(|s| s.total.0),
        band: scored.and_then(|s| s.band.clone()),
        vetoed_by: scored.map(|s| s.vetoed_by.join(",")).unwrap_or_default(),
    }
}

/// Each scoring problem at its indicator (field `answers.<code>`), and
/// findings of indicators the framework does not have.
fn scored(framework: &Framework, input: &ScoreInput) -> Result<Scored, AppError> {
    let leaves: Vec<&str> = framework.leaves().iter().map(|l| l.code.trim()).collect();
    let mut errors: Vec<FieldError> = input
        .findings
        .keys()
        .filter(|c| !leaves.contains(&c.trim()))
        .map(|c| {
            FieldError::new(
                format!("findings.{c}"),
                format!("指标 {c} 不在本评估标准中"),
            )
        })
        .collect();
    let result = framework.score(&input.answers);
    if let Err(problems) = &result {
        errors.extend(
            problems
                .iter()
                .map(|p| FieldError::new(format!("answers.{}", error_code(p)), p.to_string())),
        );
    }
    match result {
        Ok(s) if errors.is_empty() => Ok(s),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Scores one institution of an open campaign and stores the answers,
/// findings and result. Every leaf must be answered (a veto item too).
pub async fn score(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
    institution: i64,
    input: &ScoreInput,
) -> Result<ScoreResult, AppError> {
    let (campaign, _) = target_of(db, caller, id, institution).await?;
    require_owner_bureau(caller, campaign.owner)?;
    require_open(&campaign)?;
    let (_, framework) = framework_of(db, &campaign).await?;
    let result = scored(&framework, input)?;
    let findings: Findings = input
        .findings
        .iter()
        .map(|(c, f)| (c.trim().to_string(), f.trim().to_string()))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    let mut tx = db.begin().await?;
    targets::save_score(
        &mut tx,
        id,
        &to_json(&input.answers)?,
        &to_json(&findings)?,
        &result_row(institution, Some(&result)),
        caller.who.user_id.map(|u| u.0),
    )
    .await?;
    let band = result.band.clone().unwrap_or_else(|| "未达等次".into());
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "inspection_target",
            format!("评分：{}，总分 {}，{band}", campaign.title, result.total),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution)))
        .after(&ScoreInput {
            answers: input.answers.clone(),
            findings,
        }),
    )
    .await?;
    Ok(ScoreResult::from(&result))
}

/// What a bulk re-scoring did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Rescored {
    /// Institutions with answers, scored again.
    pub scored: usize,
    /// Institutions whose stored answers no longer score (their result is
    /// cleared).
    pub failed: usize,
}

/// Scores every institution of a campaign from its stored answers in one
/// pass: one query reads them all, the framework scores them in memory and
/// the results are written in batches, in one transaction.
pub async fn rescore(db: &Db, caller: &Caller, id: CampaignId) -> Result<Rescored, AppError> {
    let campaign = visible(db, caller, id).await?;
    require_owner_bureau(caller, campaign.owner)?;
    require_open(&campaign)?;
    let (_, framework) = framework_of(db, &campaign).await?;
    let stored = targets::all_answers(db, id).await?;
    let results: Vec<(i64, Option<Scored>)> = stored
        .iter()
        .map(|t| {
            let answers: Answers = parse_json(&t.answers);
            (t.institution_id, framework.score(&answers).ok())
        })
        .collect();
    let rows: Vec<ResultRow> = results
        .iter()
        .map(|(inst, s)| result_row(*inst, s.as_ref()))
        .collect();
    let report = Rescored {
        scored: results.iter().filter(|(_, s)| s.is_some()).count(),
        failed: results.iter().filter(|(_, s)| s.is_none()).count(),
    };
    let mut tx = db.begin().await?;
    targets::write_results(&mut tx, id, &rows, caller.who.user_id.map(|u| u.0)).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "inspection_campaign",
            format!("重新计分：{}（{} 所单位）", campaign.title, report.scored),
        )
        .id(id.0)
        .after(&report),
    )
    .await?;
    Ok(report)
}

/// A rectification order from a finding of a campaign (下发整改通知).
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct CampaignOrder {
    pub finding: String,
    #[serde(default)]
    pub requirement: String,
    pub responsible_person: String,
    pub deadline: NaiveDate,
}

/// Issues an order to an institution of the campaign, its source the
/// campaign.
pub async fn issue_order(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
    institution: i64,
    input: &CampaignOrder,
) -> Result<OrderId, AppError> {
    let (campaign, _) = target_of(db, caller, id, institution).await?;
    let order = NewOrder {
        owner: campaign.owner,
        institution_id: institution,
        campaign_id: Some(id),
        source: Source::Campaign,
        source_id: Some(id.0),
        finding: input.finding.clone(),
        requirement: input.requirement.clone(),
        responsible_person: input.responsible_person.clone(),
        deadline: input.deadline,
    };
    orders::issue(db, caller, &order).await
}
