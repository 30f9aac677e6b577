//! Parents' side: apply, look up, edit until the window closes, appeal.

use std::collections::HashMap;
use std::net::IpAddr;

use chrono::Utc;
use platform::audit::{self, Entry, Who};
use platform::db::{Db, DbError, Sql, Updated};
use platform::{AppError, InstitutionId};
use rand::Rng;

use crate::domain::application::{Application, ApplicationInput, RoundRules, RoundStage};
use crate::domain::{AppealId, AppealStatus, Placement, RoundId};
use crate::store::applications::{self, ApplicationRow};
use crate::store::rounds::{self, Round};

/// A time as parents read it: "2026年05月01日 08:00", Beijing time.
fn cst(t: chrono::DateTime<Utc>) -> String {
    platform::time::local(t)
        .format("%Y年%m月%d日 %H:%M")
        .to_string()
}

/// The round's rules, and the institution ids of its school codes.
pub async fn rules_of(
    db: &Db,
    r: &Round,
) -> Result<(Vec<String>, Vec<String>, HashMap<String, InstitutionId>), AppError> {
    let schools = rounds::schools(db, r.id).await?;
    let codes: Vec<String> = schools.iter().map(|s| s.code.clone()).collect();
    let mut communities: Vec<String> = rounds::catchments(db, r.id)
        .await?
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    communities.sort();
    communities.dedup();
    let ids = schools
        .into_iter()
        .map(|s| (s.code, s.institution_id))
        .collect();
    Ok((codes, communities, ids))
}

fn check(
    r: &Round,
    input: &ApplicationInput,
    codes: &[String],
    communities: &[String],
) -> Result<Application, AppError> {
    let stage = RoundStage::parse(&r.stage).unwrap_or(RoundStage::Primary1);
    input
        .check(&RoundRules {
            stage,
            school_year: r.school_year,
            max_choices: r.max_choices as usize,
            schools: codes,
            communities,
        })
        .map_err(AppError::Invalid)
}

fn window_open(r: &Round) -> Result<(), AppError> {
    if !r.is_open(Utc::now()) {
        return Err(AppError::Conflict(format!(
            "不在报名时间内：本次报名时间为 {} 至 {}",
            cst(r.apply_from),
            cst(r.apply_until)
        )));
    }
    Ok(())
}

fn new_ref(r: &Round) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    let tail: String = (0..8)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{tail}", r.school_year)
}

fn public(ip: Option<IpAddr>) -> Who {
    Who {
        user_id: None,
        username: "public:apply".into(),
        ip: ip.map(|i| i.to_string()),
    }
}

/// The answer to a submission the database refuses as a second one for
/// the same child (or, rarely, for a reference number drawn twice).
pub const NOT_SUBMITTED: &str =
    "本次报名未能提交。如已提交过申请，请用报名编号和儿童身份证号查询；如未提交过，请稍后重试";

/// Submits an application; returns its reference number.
pub async fn submit(
    db: &Db,
    round: RoundId,
    input: &ApplicationInput,
    ip: Option<IpAddr>,
) -> Result<String, AppError> {
    let r = rounds::get(db, round).await?;
    window_open(&r)?;
    let (codes, communities, ids) = rules_of(db, &r).await?;
    let a = check(&r, input, &codes, &communities)?;
    let choices: Vec<InstitutionId> = a
        .choices
        .iter()
        .filter_map(|c| ids.get(c).copied())
        .collect();
    let ref_no = new_ref(&r);
    let mut tx = db.begin().await?;
    let id = match applications::insert(&mut tx, r.id, &ref_no, &a, &choices).await {
        Ok(id) => id,
        // Says neither yes nor no: confirming that a child applied would
        // tell anyone holding an ID number where the child goes to school.
        Err(DbError::Unique(_)) => return Err(AppError::Conflict(NOT_SUBMITTED.into())),
        Err(e) => return Err(e.into()),
    };
    audit::commit(
        tx,
        &public(ip),
        Entry::new("create", "application", format!("网上报名 {ref_no}")).id(id.0),
    )
    .await?;
    Ok(ref_no)
}

/// Changes an application until the window closes; needs the reference
/// number and the child's ID number.
pub async fn edit(
    db: &Db,
    ref_no: &str,
    id_number: &str,
    version: i64,
    input: &ApplicationInput,
    ip: Option<IpAddr>,
) -> Result<(), AppError> {
    let row = applications::find(db, ref_no, id_number)
        .await?
        .ok_or(AppError::NotFound)?;
    let r = rounds::get(db, row.round_id).await?;
    window_open(&r)?;
    let (codes, communities, ids) = rules_of(db, &r).await?;
    let mut input = input.clone();
    input.child_id_number = row.child_id_number.clone();
    let a = check(&r, &input, &codes, &communities)?;
    let choices: Vec<InstitutionId> = a
        .choices
        .iter()
        .filter_map(|c| ids.get(c).copied())
        .collect();
    let mut tx = db.begin().await?;
    if applications::update(&mut tx, row.id, version, &a, &choices).await? == Updated::Stale {
        return Err(AppError::Conflict(
            "报名信息已在别处修改，请重新查询后再改".into(),
        ));
    }
    audit::commit(
        tx,
        &public(ip),
        Entry::new("update", "application", format!("修改报名 {ref_no}")).id(row.id.0),
    )
    .await?;
    Ok(())
}

/// What a parent sees when looking up an application.
pub struct Status {
    pub application: ApplicationRow,
    pub round: Round,
    pub choices: Vec<(String, String)>,
    /// The outcome, once the bureau has published it: school name and how.
    pub result: Option<(Option<String>, Placement)>,
    /// Appeals filed: (status, the bureau's reply).
    pub appeals: Vec<(AppealStatus, String)>,
}

pub async fn status(db: &Db, ref_no: &str, id_number: &str) -> Result<Status, AppError> {
    let application = applications::find(db, ref_no, id_number)
        .await?
        .ok_or(AppError::NotFound)?;
    let round = rounds::get(db, application.round_id).await?;
    let choices = applications::choices_of(db, application.id).await?;
    let result = match (
        round.published_at,
        crate::store::runs::of_round(db, round.id).await?,
    ) {
        (Some(_), Some(run)) => {
            match crate::store::runs::result_of(db, run.id, application.id).await? {
                Some(r) => {
                    let school = match r.institution_id {
                        Some(i) => db
                            .fetch_optional::<(String,)>(
                                Sql::new("SELECT name FROM institutions WHERE id = ").bind(i),
                            )
                            .await?
                            .map(|x| x.0),
                        None => None,
                    };
                    Some((school, r.how))
                }
                None => None,
            }
        }
        _ => None,
    };
    let appeals = db
        .fetch_all(
            Sql::new("SELECT status, response FROM admissions_appeals WHERE application_id = ")
                .bind(application.id)
                .push(" ORDER BY id"),
        )
        .await?;
    Ok(Status {
        application,
        round,
        choices,
        result,
        appeals,
    })
}

/// A parent's appeal after publication.
pub async fn appeal(
    db: &Db,
    ref_no: &str,
    id_number: &str,
    reason: &str,
    ip: Option<IpAddr>,
) -> Result<AppealId, AppError> {
    let s = status(db, ref_no, id_number).await?;
    if s.round.published_at.is_none() {
        return Err(AppError::Conflict("录取结果公布后才能提出申诉".into()));
    }
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(AppError::invalid(
            "reason",
            "请填写申诉理由（不超过 1000 字）",
        ));
    }
    let mut tx = db.begin().await?;
    let id = tx
        .scalar(Sql::new("INSERT INTO admissions_appeals (application_id, filed_at, reason, status) VALUES ($1, $2, $3, 'open') RETURNING id").arg(s.application.id).arg(Utc::now()).arg(reason))
        .await
        .map(AppealId)?;
    audit::commit(
        tx,
        &public(ip),
        Entry::new("create", "appeal", format!("{ref_no} 提出申诉")).id(id.0),
    )
    .await?;
    Ok(id)
}
