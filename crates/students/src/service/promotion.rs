//! Year-end promotion (年终升级): a preview of what a run would do, the run
//! itself (inside the bureau's window, confirmed by the pupils' count,
//! once per school year and institution), its report and its undoing
//! (撤销) within the same school year. Each run and undo is audited.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, Ex};
use platform::vocab::SchoolYear;
use platform::{AppError, InstitutionId};
use serde::Serialize;

mod window;

pub use window::{set_window, sets_window, window, WINDOW_CLOSES, WINDOW_OPENS};

use crate::domain::promotion::{self as rules, Move, Reach, Window};
use crate::domain::Grade;
use crate::store::promotion::{self as store, InstitutionCount, NewRun, RunRow};

/// One line of the preview: an institution's grade and what becomes of it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PreviewRow {
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub grade: i64,
    pub grade_label: &'static str,
    /// 晋级 into the next grade.
    pub promoted: i64,
    /// 毕业 (the last grade of a stage).
    pub graduated: i64,
}

/// What a run would do now, and whether it may.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Preview {
    pub school_year: i64,
    pub scope_label: String,
    /// `7月1日至8月31日`.
    pub window: String,
    pub window_open: bool,
    /// Why a run would be refused today (outside the window, run before).
    pub refusal: Option<String>,
    pub rows: Vec<PreviewRow>,
    /// The graduating pupils per institution.
    pub graduating: Vec<InstitutionCount>,
    pub promoted: i64,
    pub graduated: i64,
    /// The count to type to confirm.
    pub total: i64,
}

/// A run and what it did, institution by institution.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Report {
    pub run: RunRow,
    pub institutions: Vec<InstitutionCount>,
}

/// The reach the caller may promote: a school promotes only itself.
fn allowed(caller: &Caller, reach: Reach) -> Result<Reach, AppError> {
    caller.require(WorkArea::Students, Access::Write)?;
    match (caller.scope, reach) {
        (Scope::All, r) => Ok(r),
        (Scope::Institution(own), Reach::Institution(i)) if i != own => Err(AppError::NotFound),
        (Scope::Institution(own), Reach::District) => Ok(Reach::Institution(own)),
        (Scope::Institution(_), r) => Ok(r),
    }
}

/// How a run's reach is named: 全区, 小学（全区）, or the institution's name.
async fn scope_label(ex: &mut Ex<'_>, scope: &Scope, reach: Reach) -> Result<String, AppError> {
    Ok(match reach {
        Reach::District => "全区".into(),
        Reach::Stage(s) if *scope == Scope::All => format!("{}（全区）", s.label()),
        Reach::Stage(s) => s.label().into(),
        Reach::Institution(i) => {
            let name: Option<(String,)> = ex
                .fetch_optional(
                    platform::db::Sql::new("SELECT name FROM institutions WHERE id = ").bind(i),
                )
                .await?;
            name.ok_or(AppError::NotFound)?.0
        }
    })
}

/// Why a run is refused on `day`: outside the window, or run before.
async fn refusal(
    ex: &mut Ex<'_>,
    scope: &Scope,
    reach: Reach,
    window: Window,
    day: NaiveDate,
) -> Result<Option<String>, AppError> {
    if let Some(outside) = rules::refusal_outside(window, day) {
        return Ok(Some(outside));
    }
    let year = SchoolYear::of(day);
    Ok(store::earlier_run(&mut *ex, scope, reach, year.0)
        .await?
        .map(|(at, by, institution)| {
            format!(
                "{institution}的{}升级已于 {} 由 {by} 办理，同一学年不能重复升级；如需重做，请先撤销该次升级",
                year.label(),
                platform::time::show_minute(at)
            )
        }))
}

async fn preview_in(
    ex: &mut Ex<'_>,
    scope: &Scope,
    reach: Reach,
    day: NaiveDate,
) -> Result<Preview, AppError> {
    let window = window(&mut *ex).await?;
    let school_year = SchoolYear::of(day).0;
    let counts = store::preview(&mut *ex, scope, reach, school_year).await?;
    let mut rows = Vec::with_capacity(counts.len());
    let mut graduating: Vec<InstitutionCount> = Vec::new();
    for c in counts {
        let graduates = rules::move_of(Grade(c.grade)) == Move::Graduate;
        let (promoted, graduated) = if graduates {
            (0, c.pupils)
        } else {
            (c.pupils, 0)
        };
        if graduates {
            match graduating.last_mut() {
                Some(g) if g.institution_id == c.institution_id => g.graduated += graduated,
                _ => graduating.push(InstitutionCount {
                    institution_id: c.institution_id,
                    institution_name: c.institution_name.clone(),
                    promoted: 0,
                    graduated,
                }),
            }
        }
        rows.push(PreviewRow {
            institution_id: c.institution_id,
            institution_name: c.institution_name,
            grade: c.grade,
            grade_label: Grade(c.grade).label(),
            promoted,
            graduated,
        });
    }
    let promoted = rows.iter().map(|r| r.promoted).sum();
    let graduated = rows.iter().map(|r| r.graduated).sum();
    Ok(Preview {
        school_year,
        scope_label: scope_label(ex, scope, reach).await?,
        window: window.label(),
        window_open: window.contains(day),
        refusal: refusal(ex, scope, reach, window, day).await?,
        rows,
        graduating,
        promoted,
        graduated,
        total: promoted + graduated,
    })
}

/// What a run of `reach` would do on `day`.
pub async fn preview(
    db: &Db,
    caller: &Caller,
    reach: Reach,
    day: NaiveDate,
) -> Result<Preview, AppError> {
    let reach = allowed(caller, reach)?;
    preview_in(&mut Ex::from(db), &caller.scope, reach, day).await
}

/// Runs the promotion of `reach` on `day`, confirmed by `typed`, the
/// preview's total.
pub async fn run(
    db: &Db,
    caller: &Caller,
    reach: Reach,
    typed: &str,
    day: NaiveDate,
) -> Result<Report, AppError> {
    let reach = allowed(caller, reach)?;
    let mut tx = db.begin().await?;
    let p = preview_in(&mut Ex::from(&mut tx), &caller.scope, reach, day).await?;
    if let Some(why) = p.refusal {
        return Err(AppError::Conflict(why));
    }
    if p.total == 0 {
        return Err(AppError::Conflict(format!(
            "{}没有{}在读学生需要升级",
            p.scope_label,
            SchoolYear(p.school_year).label()
        )));
    }
    if let Some(why) = rules::confirmation_refusal(typed, p.total) {
        return Err(AppError::invalid("confirm", why));
    }
    let new = NewRun {
        school_year: p.school_year,
        reach,
        scope_label: &p.scope_label,
        on: day,
        by: &caller.who.username,
    };
    let run = store::run(&mut tx, &caller.scope, &new).await?;
    let institutions = store::run_counts(&mut tx, run.id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "create",
            "promotion_run",
            format!(
                "{}年终升级（{}）：晋级 {} 人，毕业 {} 人",
                SchoolYear(run.school_year).label(),
                run.scope_label,
                run.promoted,
                run.graduated
            ),
        )
        .id(run.id)
        .institution(caller.scope.institution())
        .after(&run),
    )
    .await?;
    tx.commit().await?;
    Ok(Report { run, institutions })
}

/// A run the caller may see, with its numbers per institution.
pub async fn report(db: &Db, caller: &Caller, id: i64) -> Result<Report, AppError> {
    caller.require(WorkArea::Students, Access::Read)?;
    let run = store::get_run(db, &caller.scope, id).await?;
    let institutions = store::run_counts(db, id).await?;
    Ok(Report { run, institutions })
}

/// The runs of the school year under way on `day` the caller may see.
pub async fn runs(db: &Db, caller: &Caller, day: NaiveDate) -> Result<Vec<RunRow>, AppError> {
    caller.require(WorkArea::Students, Access::Read)?;
    Ok(store::runs(db, &caller.scope, SchoolYear::of(day).0).await?)
}

/// Whether the caller may undo `run` (a school only its own runs).
pub fn undoes(caller: &Caller, run: &RunRow) -> bool {
    caller.role.may(WorkArea::Students, Access::Write)
        && run.undone_at.is_none()
        && match caller.scope.institution() {
            Some(own) => run.scope == Reach::Institution(own).key(),
            None => true,
        }
}

/// Undoes a run on `day`: every enrolment it moved back as it was, if
/// nothing has changed them since and the school year is still the same.
pub async fn undo(db: &Db, caller: &Caller, id: i64, day: NaiveDate) -> Result<Report, AppError> {
    caller.require(WorkArea::Students, Access::Write)?;
    let mut tx = db.begin().await?;
    let run = store::get_run(&mut tx, &caller.scope, id).await?;
    if let Some(at) = run.undone_at {
        return Err(AppError::Conflict(format!(
            "该次升级已于 {} 撤销",
            platform::time::show_minute(at)
        )));
    }
    if !undoes(caller, &run) {
        return Err(AppError::Forbidden);
    }
    if !rules::may_undo(run.school_year, day) {
        return Err(AppError::Conflict(format!(
            "该次升级属{}，只能在该学年内撤销",
            SchoolYear(run.school_year).label()
        )));
    }
    let changed = store::changed_since(&mut tx, id, 6).await?;
    if !changed.is_empty() {
        return Err(AppError::Conflict(format!(
            "以下学生的学籍在升级后已有变动（转学、休学、重新入学等），无法原样撤销：{}{}；请先处理这些学籍",
            changed.iter().take(5).cloned().collect::<Vec<_>>().join("、"),
            if changed.len() > 5 { " 等" } else { "" }
        )));
    }
    let institutions = store::run_counts(&mut tx, id).await?;
    store::undo(&mut tx, id, &caller.who.username).await?;
    let run = store::get_run(&mut tx, &Scope::All, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "delete",
            "promotion_run",
            format!(
                "撤销{}年终升级（{}）：恢复 {} 人在读",
                SchoolYear(run.school_year).label(),
                run.scope_label,
                run.promoted + run.graduated
            ),
        )
        .id(id)
        .institution(caller.scope.institution())
        .before(&run),
    )
    .await?;
    tx.commit().await?;
    Ok(Report { run, institutions })
}
