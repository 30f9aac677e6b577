//! The timeline (甘特图) of every project's phases, planned against actual:
//! bars laid out by the domain's `Window`, for the page and as a PNG.

use chrono::NaiveDate;
use platform::auth::{Access, Caller, WorkArea};
use platform::chart::{gantt_png, GanttRow};
use platform::db::Db;
use platform::AppError;

use crate::domain::projects::{is_late, Bar, PhaseDates, ProjectId, Window};
use crate::domain::{Phase, ProjectKind};
use crate::store::projects::{self as store, ProjectFilter, TimelineRow};

/// One phase on the timeline.
#[derive(Clone, Copy, Debug)]
pub struct TimelinePhase {
    pub phase: Phase,
    pub dates: PhaseDates,
    pub planned: Option<Bar>,
    /// Up to today for a phase under way.
    pub actual: Option<Bar>,
    pub late: bool,
}

/// One project's row.
#[derive(Clone, Debug)]
pub struct TimelineProject {
    pub id: ProjectId,
    pub name: String,
    pub kind: ProjectKind,
    pub year: i64,
    pub place: String,
    pub phases: Vec<TimelinePhase>,
}

#[derive(Clone, Debug)]
pub struct Timeline {
    /// The days shown; `None` when no phase has a date.
    pub window: Option<Window>,
    pub today: NaiveDate,
    pub projects: Vec<TimelineProject>,
}

/// Planned and actual spans of a phase; an actual span under way runs to
/// `today`.
fn spans(d: &PhaseDates, today: NaiveDate) -> [Option<(NaiveDate, NaiveDate)>; 2] {
    let planned = d.planned_start.zip(d.planned_end);
    let actual = d
        .actual_start
        .map(|s| (s, d.actual_end.unwrap_or(today.max(s))));
    [planned, actual]
}

pub async fn timeline(
    db: &Db,
    caller: &Caller,
    filter: &ProjectFilter,
) -> Result<Timeline, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let rows = store::timeline(db, &caller.scope, filter).await?;
    Ok(lay_out(rows, platform::time::today()))
}

fn lay_out(rows: Vec<TimelineRow>, today: NaiveDate) -> Timeline {
    let window = Window::around(
        rows.iter()
            .flat_map(|r| spans(&r.phase.dates, today))
            .flatten()
            .flat_map(|(s, e)| [s, e]),
    );
    let mut projects: Vec<TimelineProject> = Vec::new();
    for r in rows {
        let [planned, actual] = spans(&r.phase.dates, today);
        let bar = |span: Option<(NaiveDate, NaiveDate)>| {
            window.zip(span).and_then(|(w, (s, e))| w.bar(s, e))
        };
        let phase = TimelinePhase {
            phase: r.phase.phase,
            dates: r.phase.dates,
            planned: bar(planned),
            actual: bar(actual),
            late: is_late(&r.phase.dates, today),
        };
        match projects.last_mut() {
            Some(p) if p.id == r.id => p.phases.push(phase),
            _ => projects.push(TimelineProject {
                id: r.id,
                name: r.name,
                kind: r.kind,
                year: r.year,
                place: r.place,
                phases: vec![phase],
            }),
        }
    }
    Timeline {
        window,
        today,
        projects,
    }
}

/// The timeline as a PNG for reports: one row per project, planned bars
/// above actual ones.
pub fn timeline_png(t: &Timeline, title: &str) -> anyhow::Result<Vec<u8>> {
    let rows: Vec<GanttRow> = t
        .projects
        .iter()
        .map(|p| {
            let (mut planned, mut actual) = (Vec::new(), Vec::new());
            for ph in &p.phases {
                let [pl, ac] = spans(&ph.dates, t.today);
                planned.extend(pl);
                actual.extend(ac);
            }
            GanttRow {
                label: p.name.clone(),
                planned,
                actual,
            }
        })
        .collect();
    gantt_png(title, &rows)
}
