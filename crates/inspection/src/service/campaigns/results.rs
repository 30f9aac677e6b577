//! Results: the report of one institution (scores per indicator, total,
//! band, vetoes, findings, orders issued) and the campaign's results with
//! its summary. Scores per indicator are computed again from the stored
//! answers, so a report always agrees with its framework.

use platform::auth::Caller;
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::self_evaluation::{parse_json, target_of};
use super::{framework_of, require_bureau_reader, visible};
use crate::domain::campaigns::{summarize, Answers, Findings, SelfAnswers, Summary};
use crate::domain::{CampaignId, Framework, Scored};
use crate::store::campaigns::targets::{self as targets, Target, TargetRecord};
use crate::store::campaigns::Campaign;
use crate::store::frameworks::FrameworkRow;
use crate::store::orders::Order;

/// One institution's result.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ResultLine {
    pub target: Target,
    #[schema(value_type = Option<Object>)]
    pub scored: Option<Scored>,
    pub findings: Findings,
}

fn line(framework: &Framework, r: TargetRecord) -> ResultLine {
    let answers: Answers = parse_json(&r.answers);
    let scored = r
        .target
        .scored_at
        .and_then(|_| framework.score(&answers).ok());
    ResultLine {
        target: r.target,
        scored,
        findings: parse_json(&r.findings),
    }
}

/// Every institution's result and the campaign summary (the bureau's).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Results {
    pub campaign: Campaign,
    pub framework_row: FrameworkRow,
    #[schema(value_type = Object)]
    pub framework: Framework,
    pub lines: Vec<ResultLine>,
    pub summary: Summary,
}

pub async fn results(db: &Db, caller: &Caller, id: CampaignId) -> Result<Results, AppError> {
    let campaign = visible(db, caller, id).await?;
    require_bureau_reader(caller)?;
    let (framework_row, framework) = framework_of(db, &campaign).await?;
    let lines: Vec<ResultLine> = targets::records(db, &caller.scope, id)
        .await?
        .into_iter()
        .map(|r| line(&framework, r))
        .collect();
    let scored: Vec<Option<&Scored>> = lines.iter().map(|l| l.scored.as_ref()).collect();
    let summary = summarize(&framework, &scored);
    Ok(Results {
        campaign,
        framework_row,
        framework,
        lines,
        summary,
    })
}

/// One institution's report, with its self-evaluation and the orders the
/// campaign issued to it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub campaign: Campaign,
    pub framework_row: FrameworkRow,
    #[schema(value_type = Object)]
    pub framework: Framework,
    pub line: ResultLine,
    #[schema(value_type = Object)]
    pub answers: Answers,
    pub self_items: SelfAnswers,
    pub orders: Vec<Order>,
}

pub async fn report(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
    institution: i64,
) -> Result<Report, AppError> {
    let (campaign, record) = target_of(db, caller, id, institution).await?;
    let (framework_row, framework) = framework_of(db, &campaign).await?;
    let answers = parse_json(&record.answers);
    let self_items = parse_json(&record.self_answers);
    let orders = targets::orders(db, &caller.scope, id, institution).await?;
    Ok(Report {
        line: line(&framework, record),
        campaign,
        framework_row,
        framework,
        answers,
        self_items,
        orders,
    })
}
