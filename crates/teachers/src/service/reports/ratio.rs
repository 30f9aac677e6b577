//! 生师比 by institution and stage, with the two staffing standards of the
//! 优质均衡 assessment where they apply; and shortages by subject.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use platform::vocab::{is_vocational_school, Stage};
use platform::InstitutionId;

use super::structure::first_subject;
use super::{ReportCell, ReportKind, ReportTable};
use crate::domain::reports::{
    above_required_education, norm_group, per_hundred, ratio, shortages, threshold,
    ABOVE_REQUIRED_EDUCATION, BACKBONE_PER_HUNDRED, NORMS,
};
use crate::store::reports::{StudentCount, TeacherFacts};

/// Students, teachers, teachers above the required education and backbone
/// teachers of one institution and stage.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    students: i64,
    teachers: i64,
    above: i64,
    backbone: i64,
}

type Key = (String, InstitutionId, Stage);

/// Each institution's students by stage, and the stage with most of them.
fn students_by_stage(
    students: &[StudentCount],
) -> (BTreeMap<Key, Tally>, BTreeMap<InstitutionId, Stage>) {
    let mut tallies: BTreeMap<Key, Tally> = BTreeMap::new();
    for s in students {
        if let Some(stage) = Stage::of(s.grade, is_vocational_school(&s.school_type)) {
            tallies
                .entry((s.institution_name.clone(), s.institution_id, stage))
                .or_default()
                .students += s.students;
        }
    }
    let mut main: BTreeMap<InstitutionId, (Stage, i64)> = BTreeMap::new();
    for ((_, id, stage), t) in &tallies {
        let m = main.entry(*id).or_insert((*stage, t.students));
        if t.students > m.1 {
            *m = (*stage, t.students);
        }
    }
    (
        tallies,
        main.into_iter().map(|(id, (s, _))| (id, s)).collect(),
    )
}

/// A teacher's stage: as recorded, else the institution's main stage.
fn stage_of(t: &TeacherFacts, main: &BTreeMap<InstitutionId, Stage>) -> Option<Stage> {
    t.stage
        .as_deref()
        .and_then(Stage::parse)
        .or_else(|| main.get(&t.institution_id).copied())
}

fn tallies(
    students: &[StudentCount],
    teachers: &[TeacherFacts],
    on: NaiveDate,
) -> BTreeMap<Key, Tally> {
    let (mut tallies, main) = students_by_stage(students);
    for t in teachers {
        let Some(stage) = stage_of(t, &main) else {
            continue;
        };
        let e = tallies
            .entry((t.institution_name.clone(), t.institution_id, stage))
            .or_default();
        e.teachers += 1;
        e.above += i64::from(above_required_education(&t.education, stage));
        e.backbone +=
            i64::from(t.backbone_level.is_some() && t.backbone_to.is_none_or(|to| to >= on));
    }
    tallies
}

fn standard(indicator: &str, stage: Stage) -> ReportCell {
    ReportCell::Number(threshold(indicator, stage).map(|t| t.minimum))
}

/// Whether the stage meets the standards that apply to it.
fn verdict(stage: Stage, t: &Tally) -> String {
    let checks = [
        (ABOVE_REQUIRED_EDUCATION, t.above),
        (BACKBONE_PER_HUNDRED, t.backbone),
    ];
    let applying: Vec<bool> = checks
        .iter()
        .filter_map(|(ind, n)| {
            Some(per_hundred(*n, t.students).unwrap_or(0.0) >= threshold(ind, stage)?.minimum)
        })
        .collect();
    match (applying.is_empty(), applying.iter().all(|ok| *ok)) {
        (true, _) => "无标准".into(),
        (false, true) => "达标".into(),
        (false, false) => "未达标".into(),
    }
}

fn row(name: &str, stage: Stage, t: &Tally) -> Vec<ReportCell> {
    vec![
        ReportCell::Text(name.into()),
        ReportCell::Text(stage.label().into()),
        ReportCell::Int(t.students),
        ReportCell::Int(t.teachers),
        ReportCell::Number(ratio(t.students, t.teachers)),
        ReportCell::Number(per_hundred(t.above, t.students)),
        standard(ABOVE_REQUIRED_EDUCATION, stage),
        ReportCell::Number(per_hundred(t.backbone, t.students)),
        standard(BACKBONE_PER_HUNDRED, stage),
        ReportCell::Text(verdict(stage, t)),
    ]
}

pub fn report(students: &[StudentCount], teachers: &[TeacherFacts], on: NaiveDate) -> ReportTable {
    let tallies = tallies(students, teachers, on);
    let mut totals: BTreeMap<Stage, Tally> = BTreeMap::new();
    let mut rows = vec![];
    for ((name, _, stage), t) in &tallies {
        rows.push(row(name, *stage, t));
        let s = totals.entry(*stage).or_default();
        s.students += t.students;
        s.teachers += t.teachers;
        s.above += t.above;
        s.backbone += t.backbone;
    }
    for (stage, t) in &totals {
        rows.push(row("合计", *stage, t));
    }
    let columns = [
        "单位",
        "学段",
        "在校生数",
        "专任教师数",
        "生师比（x:1）",
        "每百名学生拥有高于规定学历教师数",
        "标准",
        "每百名学生拥有县级及以上骨干教师数",
        "标准",
        "达标情况",
    ];
    ReportTable {
        kind: ReportKind::Ratio,
        title: "生师比及教师配备".into(),
        columns: columns.map(String::from).to_vec(),
        rows,
        chart_title: "各学段生师比（学生数/专任教师数）".into(),
        bars: totals
            .iter()
            .filter_map(|(stage, t)| Some((stage.label().to_string(), ratio(t.students, t.teachers)?)))
            .collect(),
        note: "在校生：学籍在读（未离校）的学生，按年级归入学段；专任教师：在职、专任、当前在岗的教师，按当前任职单位和登记的任教学段计（未登记学段的按该校学生最多的学段）。高于规定学历：小学专科及以上、初中本科及以上；骨干教师：特级教师、学科带头人、骨干教师、教学能手、教坛新秀中仍在任期内者。标准取自《县域义务教育优质均衡发展督导评估办法》，仅适用于小学、初中。".into(),
    }
}

/// 学科缺员 of 小学 and 初中 by the curriculum's subject shares.
pub fn shortage_report(students: &[StudentCount], teachers: &[TeacherFacts]) -> ReportTable {
    let (_, main) = students_by_stage(students);
    let mut rows = vec![];
    let mut bars = vec![];
    for stage in [Stage::Primary, Stage::Junior] {
        let of_stage: Vec<&TeacherFacts> = teachers
            .iter()
            .filter(|t| stage_of(t, &main) == Some(stage))
            .collect();
        let mut by_group = [0i64; 9];
        for t in &of_stage {
            if let Some(g) = norm_group(first_subject(&t.subjects)) {
                by_group[g] += 1;
            }
        }
        for (s, norm) in shortages(stage, of_stage.len() as i64, &by_group)
            .iter()
            .zip(NORMS)
        {
            rows.push(vec![
                ReportCell::Text(stage.label().into()),
                ReportCell::Text(s.subject.into()),
                ReportCell::Number(Some(norm.1 as f64 / 8.4)),
                ReportCell::Number(Some(s.expected)),
                ReportCell::Int(s.actual),
                ReportCell::Int(s.short),
            ]);
            if s.short > 0 {
                bars.push((format!("{}{}", stage.label(), s.subject), s.short as f64));
            }
        }
    }
    ReportTable {
        kind: ReportKind::Shortage,
        title: "学科教师缺员".into(),
        columns: ["学段", "学科", "课时占比（%）", "应配", "实有", "缺口"].map(String::from).to_vec(),
        rows,
        chart_title: "学科教师缺口（人）".into(),
        bars,
        note: "应配 = 该学段专任教师数 × 该学科课时占比。课时占比取《义务教育课程方案（2022年版）》九年总课时中各科占比区间的中值，不含劳动与综合实践活动（由其他学科教师兼任），再按其余课时折算为 100%；缺口 = 应配（取整）− 实有（按第一任教学科计），不足 0 记 0。".into(),
    }
}
