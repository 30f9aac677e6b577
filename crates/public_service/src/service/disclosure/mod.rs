//! Services of information disclosure (信息公开): each institution's fee
//! items (收费公示), the fee cards of its pupils (明白交费卡, staff only:
//! they name pupils), and its public page (no account) with the registry's
//! facts, the fees, the admission portal and its notices to parents. The
//! bureau's catalogue and requests are in [`requests`].

mod demo;
pub mod indicators;
pub mod requests;

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, DbError};
use platform::vocab::SchoolYear;
use platform::{AppError, InstitutionId};
use serde::Serialize;

pub use demo::fill_demo;

use crate::domain::disclosure::{card, parse_grades, CardLine, FeeItemId, FeeItemInput};
use crate::service::notices::parents::public_notices;
use crate::store::disclosure::{self as store, FeeItem, PublicFacts};
use crate::store::notices::ParentNotice;

/// The phone for complaints about fees printed on every card.
pub const COMPLAINT_PHONE: &str = "12345";

/// The institution a write is for: a school's own (another one is not
/// found), or the one a bureau account names.
fn institution_for(caller: &Caller, named: Option<i64>) -> Result<i64, AppError> {
    match (caller.scope, named) {
        (Scope::Institution(own), None) => Ok(own.0),
        (Scope::Institution(own), Some(id)) if id == own.0 => Ok(id),
        (Scope::Institution(_), Some(_)) => Err(AppError::NotFound),
        (Scope::All, Some(id)) => Ok(id),
        (Scope::All, None) => Err(AppError::invalid("institution_id", "请选择机构")),
    }
}

/// The school year asked for, or the current one.
pub fn year_or_current(year: Option<i64>) -> i64 {
    year.unwrap_or_else(|| SchoolYear::current().0)
}

/// The fee items of a school year (of one institution, or all in scope).
pub async fn fees(
    db: &Db,
    caller: &Caller,
    institution: Option<i64>,
    school_year: Option<i64>,
) -> Result<Vec<FeeItem>, AppError> {
    caller.require(WorkArea::PublicService, Access::Read)?;
    Ok(store::fees(db, &caller.scope, institution, year_or_current(school_year)).await?)
}

/// Publishes a fee item of an institution.
pub async fn add_fee(
    db: &Db,
    caller: &Caller,
    input: &FeeItemInput,
) -> Result<FeeItemId, AppError> {
    caller.require(WorkArea::PublicService, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input
        .parse(SchoolYear::current().0)
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert_fee(&mut tx, institution, &draft)
        .await
        .map_err(|e| match e {
            DbError::Unique(_) => {
                AppError::Conflict(format!("本学年已公示收费项目“{}”", draft.item))
            }
            DbError::ForeignKey(_) => AppError::invalid("institution_id", "该机构不存在"),
            e => e.into(),
        })?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "public_fee_item",
            format!("收费公示：{}", draft.item),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution)))
        .after(input),
    )
    .await?;
    Ok(id)
}

/// Withdraws a fee item in scope.
pub async fn delete_fee(db: &Db, caller: &Caller, id: FeeItemId) -> Result<(), AppError> {
    caller.require(WorkArea::PublicService, Access::Write)?;
    let mut tx = db.begin().await?;
    if store::delete_fee(&mut tx, &caller.scope, id).await? == 0 {
        return Err(AppError::NotFound);
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new("delete", "public_fee_item", "撤下收费公示项目").id(id.0),
    )
    .await?;
    Ok(())
}

/// A pupil's fee card (明白交费卡).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct FeeCard {
    pub pupil: String,
    pub grade: i64,
    pub class_name: String,
    pub lines: Vec<CardLine>,
    pub total_fen: i64,
}

/// The fee cards of an institution's pupils (a grade or class if given),
/// for its staff and the bureau; the view is audited since it names pupils.
pub async fn cards(
    db: &Db,
    caller: &Caller,
    institution: i64,
    grade: Option<i64>,
    class_name: Option<&str>,
) -> Result<(String, Vec<FeeCard>), AppError> {
    caller.require(WorkArea::PublicService, Access::Read)?;
    if !caller.scope.allows(InstitutionId(institution)) {
        return Err(AppError::NotFound);
    }
    let items = store::fees(
        db,
        &caller.scope,
        Some(institution),
        SchoolYear::current().0,
    )
    .await?;
    let pupils = store::pupils(db, &caller.scope, institution, grade, class_name).await?;
    let name = institutions_name(db, institution).await?;
    let parsed: Vec<(Vec<i64>, CardLine)> = items
        .iter()
        .map(|f| {
            (
                parse_grades(&f.grades).unwrap_or_default(),
                CardLine {
                    item: f.item.clone(),
                    standard_fen: f.standard_fen,
                    unit: f.unit.clone(),
                    basis: f.basis.clone(),
                },
            )
        })
        .collect();
    let cards: Vec<FeeCard> = pupils
        .into_iter()
        .map(|p| {
            let (lines, total_fen) = card(
                parsed.iter().map(|(g, l)| (g.as_slice(), l.clone())),
                p.grade,
            );
            FeeCard {
                pupil: p.name,
                grade: p.grade,
                class_name: p.class_name,
                lines,
                total_fen,
            }
        })
        .collect();
    let mut tx = db.begin().await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "view",
            "public_fee_card",
            format!("查看明白交费卡 {} 张", cards.len()),
        )
        .institution(Some(InstitutionId(institution))),
    )
    .await?;
    tx.commit().await?;
    Ok((name, cards))
}

async fn institutions_name(db: &Db, id: i64) -> Result<String, AppError> {
    #[derive(sqlx::FromRow)]
    struct N {
        name: String,
    }
    let n: Option<N> = db
        .fetch_optional(
            platform::db::Sql::new("SELECT name FROM institutions WHERE id = ").bind(id),
        )
        .await?;
    n.map(|n| n.name).ok_or(AppError::NotFound)
}

/// What an institution's public page shows (nothing personal).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PublicPage {
    pub facts: PublicFacts,
    pub school_year: i64,
    pub fees: Vec<FeeItem>,
    pub notices: Vec<ParentNotice>,
}

/// The public page of the institution with this code (no account).
pub async fn public_page(db: &Db, code: &str) -> Result<PublicPage, AppError> {
    let code = code.trim();
    if code.is_empty() || code.chars().count() > 40 {
        return Err(AppError::NotFound);
    }
    let facts = store::facts_by_code(db, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let school_year = SchoolYear::current().0;
    let fees = store::fees(db, &Scope::All, Some(facts.id), school_year).await?;
    let notices = public_notices(db, facts.id).await?;
    Ok(PublicPage {
        facts,
        school_year,
        fees,
        notices,
    })
}
