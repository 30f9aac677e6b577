//! Statistics of petitions by topic, section and timeliness (按期/逾期),
//! their .xlsx export, and the inbox's tasks of petitions.

use chrono::{Datelike, NaiveDate};
use platform::area::Task;
use platform::auth::{Caller, Section};
use platform::db::Db;
use platform::excel::{Cell, Title, Workbook};
use platform::AppError;
use serde::Serialize;

use super::{reach, Reach};
use crate::domain::petitions::{
    answered_on_time, due, is_open, timeliness, Status, Timeliness, Topic,
};
use crate::store::petitions::{self as store, Dates};

/// One line of the statistics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PetitionLine {
    pub label: String,
    /// Received in the period.
    pub received: i64,
    /// Still waiting for the bureau.
    pub open: i64,
    /// Of the open ones, past their deadline.
    pub overdue: i64,
    /// Answered.
    pub answered: i64,
    /// Answered by the deadline.
    pub on_time: i64,
    /// Not accepted (不予受理).
    pub rejected: i64,
    /// Rated by the writer.
    pub rated: i64,
    /// Rated 满意 or 基本满意.
    pub satisfied: i64,
}

impl PetitionLine {
    fn add(&mut self, d: &Dates, today: NaiveDate) {
        self.received += 1;
        if is_open(d.status) {
            self.open += 1;
            let late = due(d.status, d.accept_by, d.reply_by)
                .is_some_and(|day| timeliness(day, today) == Timeliness::Overdue);
            self.overdue += i64::from(late);
        }
        if let Some(replied) = d.replied_on {
            self.answered += 1;
            let in_time = d.reply_by.is_none_or(|by| answered_on_time(replied, by));
            self.on_time += i64::from(in_time);
        }
        self.rejected += i64::from(d.status == Status::Rejected);
        if let Some(s) = d.satisfaction {
            self.rated += 1;
            self.satisfied += i64::from(s.counts_as_satisfied());
        }
    }
}

/// The statistics of a period.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PetitionStats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub total: PetitionLine,
    pub by_topic: Vec<PetitionLine>,
    pub by_section: Vec<PetitionLine>,
}

/// Tallies cases on `today`: one line per topic, per section (unassigned
/// last), and the total.
pub fn tally(rows: &[Dates], today: NaiveDate, from: NaiveDate, to: NaiveDate) -> PetitionStats {
    let mut total = PetitionLine {
        label: "合计".into(),
        ..PetitionLine::default()
    };
    let mut by_topic: Vec<PetitionLine> = Topic::ALL
        .iter()
        .map(|t| PetitionLine {
            label: t.label().into(),
            ..PetitionLine::default()
        })
        .collect();
    let mut sections: Vec<(Option<Section>, PetitionLine)> = Vec::new();
    for d in rows {
        total.add(d, today);
        if let Some(i) = Topic::ALL.iter().position(|t| *t == d.topic) {
            by_topic[i].add(d, today);
        }
        let s = d.section.as_deref().and_then(Section::from_key);
        match sections.iter_mut().find(|(k, _)| *k == s) {
            Some((_, line)) => line.add(d, today),
            None => {
                let label = s.map_or("未分办", Section::label).to_string();
                let mut line = PetitionLine {
                    label,
                    ..PetitionLine::default()
                };
                line.add(d, today);
                sections.push((s, line));
            }
        }
    }
    sections.sort_by_key(|(s, _)| {
        s.map_or(usize::MAX, |s| {
            Section::ALL.iter().position(|x| *x == s).unwrap_or(0)
        })
    });
    PetitionStats {
        from,
        to,
        total,
        by_topic,
        by_section: sections.into_iter().map(|(_, l)| l).collect(),
    }
}

/// The section whose cases only the caller counts (none: all).
fn own_section(caller: &Caller) -> Result<Option<&'static str>, AppError> {
    match reach(caller) {
        Reach::Bureau | Reach::Masked => Ok(None),
        Reach::Section(s) => Ok(Some(s.key())),
        Reach::Nothing => Err(AppError::Forbidden),
    }
}

/// The statistics of the cases received from `from` to `to` (default: this
/// year up to today) that the caller reaches.
pub async fn stats(
    db: &Db,
    caller: &Caller,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<PetitionStats, AppError> {
    let section = own_section(caller)?;
    let today = platform::time::today();
    let to = to.unwrap_or(today);
    let from = from.unwrap_or_else(|| NaiveDate::from_ymd_opt(to.year(), 1, 1).unwrap_or(to));
    if from > to {
        return Err(AppError::invalid("from", "开始日期不能晚于结束日期"));
    }
    let rows = store::dates(db, (from, to), section).await?;
    Ok(tally(&rows, today, from, to))
}

/// The statistics as a workbook: one sheet, by topic then by section.
pub fn workbook(s: &PetitionStats) -> anyhow::Result<Vec<u8>> {
    let title = Title::new("信访统计").filter("期间", format!("{} 至 {}", s.from, s.to));
    let headers = [
        "分类",
        "项目",
        "收件",
        "在办",
        "逾期未办结",
        "已答复",
        "按期答复",
        "不予受理",
        "已评价",
        "满意（含基本满意）",
    ];
    let mut wb = Workbook::export(&title, &headers);
    let groups = [("按类别", &s.by_topic), ("按承办科室", &s.by_section)];
    for (group, lines) in groups {
        for l in lines
            .iter()
            .chain(std::iter::once(&s.total).filter(|_| group == "按承办科室"))
        {
            wb.row(&[
                Cell::text(group),
                Cell::text(l.label.as_str()),
                Cell::Int(l.received),
                Cell::Int(l.open),
                Cell::Int(l.overdue),
                Cell::Int(l.answered),
                Cell::Int(l.on_time),
                Cell::Int(l.rejected),
                Cell::Int(l.rated),
                Cell::Int(l.satisfied),
            ])?;
        }
    }
    wb.finish()
}

/// Open cases' counts: (waiting to be accepted, overdue, due soon).
fn open_counts(rows: &[Dates], today: NaiveDate) -> (i64, i64, i64) {
    let mut c = (0, 0, 0);
    for d in rows {
        c.0 += i64::from(d.status == Status::Registered);
        match due(d.status, d.accept_by, d.reply_by).map(|day| timeliness(day, today)) {
            Some(Timeliness::Overdue) => c.1 += 1,
            Some(Timeliness::DueSoon) => c.2 += 1,
            _ => {}
        }
    }
    c
}

/// The inbox's petitions: for the 办公室 and leadership, the cases to accept
/// and every overdue or due-soon one; for a section, its own.
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let section = match reach(caller) {
        Reach::Bureau => None,
        Reach::Section(s) => Some(s.key()),
        Reach::Masked | Reach::Nothing => return Ok(vec![]),
    };
    let rows = store::open_dates(db, section).await?;
    let (waiting, overdue, soon) = open_counts(&rows, platform::time::today());
    let drafted = rows.iter().filter(|d| d.status == Status::Drafted).count() as i64;
    let task = crate::service::pending::task;
    let list = "/public/petitions?open=true";
    let mut out = vec![
        task("信访件逾期未办结".into(), overdue, list.into()),
        task("信访件即将到期".into(), soon, list.into()),
        task(
            "信访答复待审核".into(),
            drafted,
            "/public/petitions?status=drafted".into(),
        ),
    ];
    if section.is_none() {
        out.insert(
            0,
            task(
                "信访件待受理".into(),
                waiting,
                "/public/petitions?status=registered".into(),
            ),
        );
    } else {
        let assigned = rows.iter().filter(|d| d.status == Status::Accepted).count() as i64;
        out.insert(
            0,
            task(
                "交办的信访件待答复".into(),
                assigned,
                "/public/petitions?status=accepted".into(),
            ),
        );
    }
    Ok(out)
}
