//! Pure rules of exam results: the kinds of exam, scores as written on
//! score sheets, and each school's figures against a line beside last
//! year's (人数, change, growth over last year's figure, 达线率 and its
//! change in percentage points, rank with ties).

use std::collections::BTreeMap;

use super::lines::{rate_change, year_on_year, Change, RateChange, Score};
use super::ranking::competition_ranks;

platform::text_enum! {
    /// 考试类别.
    pub enum ExamKind {
        Zhongkao = "zhongkao" "中考",
        Gaokao = "gaokao" "高考",
        Xueye = "xueye" "学业水平考试",
    }
}

/// The line whose 达线率 the bureau reports (本科达线率).
pub const BACHELOR_LINE: &str = "本科线";
/// The first line of the district's reports (重点线上线人数).
pub const KEY_LINE: &str = "重点线";

/// A score as typed on a sheet: "587", "587.5" (at most one decimal, not
/// negative), in tenths.
pub fn parse_score(text: &str) -> Result<Score, String> {
    let t = text.trim();
    let bad = || format!("“{t}”不是有效的分数（应为不小于 0 的数，最多一位小数）");
    if t.is_empty() {
        return Err("分数不能为空".into());
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || frac.len() > 1 || (t.contains('.') && !digits(frac)) || whole.len() > 6 {
        return Err(bad());
    }
    let w: i64 = whole.parse().map_err(|_| bad())?;
    let f: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| bad())?
    };
    Ok(Score(w * 10 + f))
}

/// "587.5", "587": a score as people write it.
pub fn show_score(s: Score) -> String {
    if s.0 % 10 == 0 {
        format!("{}", s.0 / 10)
    } else {
        format!("{}.{}", s.0 / 10, (s.0 % 10).abs())
    }
}

/// Refuses a score above the paper's full mark.
pub fn within_max(score: Score, max: Score) -> Result<(), String> {
    if score > max {
        Err(format!(
            "分数 {} 高于该科目满分 {}",
            show_score(score),
            show_score(max)
        ))
    } else {
        Ok(())
    }
}

/// A school's candidates and how many reached each line, all tracks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchoolCounts {
    pub candidates: i64,
    pub reached: BTreeMap<String, i64>,
}

impl SchoolCounts {
    pub fn reached(&self, line: &str) -> i64 {
        self.reached.get(line).copied().unwrap_or(0)
    }
}

/// One school's figures for a line, beside last year's.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Comparison {
    pub institution_id: i64,
    pub candidates: i64,
    #[schema(value_type = Object)]
    pub reached: Change,
    #[schema(value_type = Object)]
    pub rate: RateChange,
    /// Rank by 人数 over the line, ties sharing a rank (1, 2, 2, 4).
    pub rank: usize,
}

/// Each school of `this_year` compared on `line` with `last_year` (a school
/// absent last year had none), ranked by 人数 over the line; in rank order.
pub fn compare(
    this_year: &BTreeMap<i64, SchoolCounts>,
    last_year: &BTreeMap<i64, SchoolCounts>,
    line: &str,
) -> Vec<Comparison> {
    let over: Vec<i64> = this_year.values().map(|c| c.reached(line)).collect();
    let ranks = competition_ranks(&over);
    let empty = SchoolCounts::default();
    let mut rows: Vec<Comparison> = this_year
        .iter()
        .zip(ranks)
        .map(|((id, now), rank)| {
            let before = last_year.get(id).unwrap_or(&empty);
            Comparison {
                institution_id: *id,
                candidates: now.candidates,
                reached: year_on_year(now.reached(line), before.reached(line)),
                rate: rate_change(
                    (now.reached(line), before.reached(line)),
                    (now.candidates, before.candidates),
                ),
                rank,
            }
        })
        .collect();
    rows.sort_by_key(|r| (r.rank, r.institution_id));
    rows
}

/// The district's figures: every school added up.
pub fn district(schools: &BTreeMap<i64, SchoolCounts>) -> SchoolCounts {
    let mut all = SchoolCounts::default();
    for c in schools.values() {
        all.candidates += c.candidates;
        for (line, n) in &c.reached {
            *all.reached.entry(line.clone()).or_default() += n;
        }
    }
    all
}
