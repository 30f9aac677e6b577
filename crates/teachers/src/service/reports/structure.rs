//! 年龄、职称、学历、学科结构: the full-time teachers counted by group.

use chrono::NaiveDate;

use super::{share, ReportCell, ReportKind, ReportTable};
use crate::domain::reports::{age_band, education_level, AGE_BANDS, EDUCATION_LEVELS};
use crate::domain::{title_label, TitleLevel, TitleSeries};
use crate::store::reports::TeacherFacts;

/// The first subject a teacher teaches ("语文、书法" → 语文).
pub fn first_subject(subjects: &str) -> &str {
    subjects
        .split([',', '，', '、', ';', '；', ' '])
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or("未填")
}

fn group(kind: ReportKind, t: &TeacherFacts, on: NaiveDate) -> String {
    match kind {
        ReportKind::Age => age_band(t.birth_date, on).into(),
        ReportKind::Education => EDUCATION_LEVELS[education_level(&t.education)].into(),
        ReportKind::Subject => first_subject(&t.subjects).into(),
        _ => title_label(
            t.title_series.as_deref().and_then(TitleSeries::parse),
            TitleLevel::parse(&t.title_level).unwrap_or(TitleLevel::None),
        ),
    }
}

/// Groups in their natural order: bands and levels as listed, titles and
/// subjects by size.
fn order(kind: ReportKind, mut counts: Vec<(String, i64)>) -> Vec<(String, i64)> {
    let fixed: &[&str] = match kind {
        ReportKind::Age => &AGE_BANDS,
        ReportKind::Education => &EDUCATION_LEVELS,
        _ => &[],
    };
    if fixed.is_empty() {
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    } else {
        fixed
            .iter()
            .map(|g| {
                (
                    g.to_string(),
                    counts.iter().find(|c| c.0 == *g).map_or(0, |c| c.1),
                )
            })
            .collect()
    }
}

pub fn report(kind: ReportKind, teachers: &[TeacherFacts], on: NaiveDate) -> ReportTable {
    let mut counts: Vec<(String, i64)> = vec![];
    for t in teachers {
        let g = group(kind, t, on);
        match counts.iter_mut().find(|c| c.0 == g) {
            Some(c) => c.1 += 1,
            None => counts.push((g, 1)),
        }
    }
    let counts = order(kind, counts);
    let total = teachers.len() as i64;
    let head = match kind {
        ReportKind::Age => "年龄段",
        ReportKind::Education => "学历",
        ReportKind::Subject => "主要任教学科",
        _ => "职称",
    };
    let mut rows: Vec<Vec<ReportCell>> = counts
        .iter()
        .map(|(g, n)| {
            vec![
                ReportCell::Text(g.clone()),
                ReportCell::Int(*n),
                share(*n, total),
            ]
        })
        .collect();
    rows.push(vec![
        ReportCell::Text("合计".into()),
        ReportCell::Int(total),
        share(total, total),
    ]);
    ReportTable {
        kind,
        title: format!("专任教师{}", kind.label()),
        columns: vec![head.into(), "人数".into(), "占比（%）".into()],
        rows,
        chart_title: format!("专任教师{}（人）", kind.label()),
        bars: counts.into_iter().map(|(g, n)| (g, n as f64)).collect(),
        note: format!(
            "统计口径：在职、专任、当前在岗（有未结束的任职记录）的教师，按当前任职单位计；年龄按今日（{on}）计算周岁；学科取任教学科的第一项。"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_subject_is_the_main_one() {
        assert_eq!(first_subject("语文、书法"), "语文");
        assert_eq!(first_subject(" 数学,科学"), "数学");
        assert_eq!(first_subject(""), "未填");
    }
}
