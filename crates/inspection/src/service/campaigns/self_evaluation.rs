//! 自评: an institution answers each leaf indicator of its own target,
//! with notes and evidence files per indicator; it saves drafts and
//! submits once (locked after).

use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope};
use platform::db::Db;
use platform::{AppError, FieldError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::{framework_of, require_open, visible};
use crate::domain::campaigns::{self_answers, SelfAnswers, SelfStatus};
use crate::domain::{CampaignId, Framework, ScoreError};
use crate::service::evidence::{self, Subject, Upload};
use crate::store::campaigns::targets::{self as targets, Target, TargetRecord};
use crate::store::campaigns::Campaign;
use crate::store::evidence::EvidenceFile;
use crate::store::frameworks::FrameworkRow;

/// The kind of record self-evaluation evidence files belong to.
pub const EVIDENCE_KIND: &str = "self_evaluation";

/// A target's self-evaluation with its framework and evidence files.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SelfEvaluation {
    pub campaign: Campaign,
    pub framework_row: FrameworkRow,
    #[schema(value_type = Object)]
    pub framework: Framework,
    pub target: Target,
    pub items: SelfAnswers,
    pub evidence: Vec<EvidenceFile>,
}

/// A self-evaluation as the institution saves it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct SelfInput {
    pub items: SelfAnswers,
    /// Submit (locks it) rather than save a draft.
    #[serde(default)]
    pub submit: bool,
}

/// An evidence file for one indicator.
pub struct SelfUpload {
    pub indicator_code: String,
    pub file: Upload,
}

pub(crate) async fn target_of(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
    institution: i64,
) -> Result<(Campaign, TargetRecord), AppError> {
    let campaign = visible(db, caller, id).await?;
    let target = targets::get(db, &caller.scope, id, institution)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((campaign, target))
}

/// The JSON text of a value to store.
pub(crate) fn to_json<T: Serialize>(v: &T) -> Result<String, AppError> {
    serde_json::to_string(v).map_err(|e| AppError::Internal(e.into()))
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    // Only this module writes these columns, from typed values.
    serde_json::from_str(text).unwrap_or_default()
}

/// The self-evaluation of one target (the institution's own, or any for
/// the bureau).
pub async fn self_evaluation(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
    institution: i64,
) -> Result<SelfEvaluation, AppError> {
    let (campaign, record) = target_of(db, caller, id, institution).await?;
    let (framework_row, framework) = framework_of(db, &campaign).await?;
    let evidence = match record.self_evaluation_id {
        Some(se) => evidence::list(db, caller, EVIDENCE_KIND, se).await?,
        None => vec![],
    };
    Ok(SelfEvaluation {
        items: parse_json(&record.self_answers),
        campaign,
        framework_row,
        framework,
        target: record.target,
        evidence,
    })
}

/// The problems of a self-evaluation: answers that do not fit their
/// indicator, and on submit every indicator left unanswered.
fn check(framework: &Framework, input: &SelfInput, file_codes: &[String]) -> Vec<FieldError> {
    let leaves: Vec<&str> = framework.leaves().iter().map(|l| l.code.trim()).collect();
    let mut errors: Vec<FieldError> = input
        .items
        .keys()
        .map(String::as_str)
        .chain(file_codes.iter().map(|c| c.trim()))
        .filter(|code| !leaves.contains(code))
        .map(|code| {
            FieldError::new(
                format!("items.{code}"),
                format!("指标 {code} 不在本评估标准中"),
            )
        })
        .collect();
    if let Err(problems) = framework.score(&self_answers(&input.items)) {
        for p in problems {
            let message = match &p {
                ScoreError::Missing(code) if input.submit => format!("指标 {code} 尚未自评"),
                ScoreError::Missing(_) | ScoreError::UnknownCode(_) => continue,
                other => other.to_string(),
            };
            let code = crate::domain::campaigns::error_code(&p);
            errors.push(FieldError::new(format!("items.{code}"), message));
        }
    }
    errors
}

/// Saves (or submits) the institution's self-evaluation with any evidence
/// files, in one transaction. Only the institution itself, while the
/// campaign is open and before it submitted.
pub async fn save_self(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
    institution: i64,
    input: &SelfInput,
    uploads: Vec<SelfUpload>,
) -> Result<SelfStatus, AppError> {
    let (campaign, record) = target_of(db, caller, id, institution).await?;
    if caller.scope != Scope::Institution(InstitutionId(institution)) {
        return Err(AppError::Forbidden);
    }
    require_open(&campaign)?;
    if record.target.self_status == SelfStatus::Submitted {
        return Err(AppError::Conflict("自评已提交，不能再修改".into()));
    }
    let (_, framework) = framework_of(db, &campaign).await?;
    let (codes, files): (Vec<String>, Vec<Upload>) = uploads
        .into_iter()
        .map(|u| (u.indicator_code, u.file))
        .unzip();
    let errors = check(&framework, input, &codes);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    evidence::check_all(&files)?;
    let items: SelfAnswers = input
        .items
        .iter()
        .map(|(code, item)| {
            let mut item = item.clone();
            item.note = item.note.trim().to_string();
            (code.trim().to_string(), item)
        })
        .collect();
    let status = if input.submit {
        SelfStatus::Submitted
    } else {
        SelfStatus::Draft
    };
    let json = to_json(&items)?;
    let mut tx = db.begin().await?;
    if !targets::save_self(&mut tx, id, institution, &json, status).await? {
        return Err(AppError::Conflict("自评已提交，不能再修改".into()));
    }
    let se = targets::self_evaluation_id(&mut tx, id, institution).await?;
    for (code, file) in codes.iter().zip(&files) {
        let subject = Subject {
            owner: campaign.owner,
            institution_id: Some(institution),
            kind: EVIDENCE_KIND,
            id: se,
            indicator_code: code.trim(),
        };
        evidence::attach(&mut tx, caller, subject, std::slice::from_ref(file)).await?;
    }
    let what = if input.submit {
        "提交自评"
    } else {
        "保存自评草稿"
    };
    let file_note = if files.is_empty() {
        String::new()
    } else {
        format!("，佐证材料 {} 份", files.len())
    };
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "inspection_self_evaluation",
            format!("{what}：{}{file_note}", campaign.title),
        )
        .id(se)
        .institution(Some(InstitutionId(institution)))
        .after(&items),
    )
    .await?;
    Ok(status)
}
