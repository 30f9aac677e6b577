//! The files of a campaign's results: the .xlsx of every institution's
//! result and the 通报 (notice of results) as .docx, both from the records.

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow};
use platform::excel::{Cell, Title, Workbook};
use platform::AppError;

use super::results::Results;
use crate::domain::Points;

const COLUMNS: [&str; 8] = [
    "参评单位",
    "责任督学",
    "自评",
    "原始得分",
    "总分",
    "等次",
    "否决项",
    "发现的问题",
];

fn points(p: Option<i64>) -> String {
    p.map(|p| Points(p).to_string().trim_end_matches('分').to_string())
        .unwrap_or_default()
}

/// Every institution's result, one row each.
pub fn results_xlsx(r: &Results) -> Result<Vec<u8>, AppError> {
    let title = Title::new(format!("{}结果", r.campaign.title))
        .filter("评估标准", r.framework_row.name.as_str());
    let mut wb = Workbook::export(&title, &COLUMNS);
    for l in &r.lines {
        let t = &l.target;
        let findings: Vec<String> = l
            .findings
            .iter()
            .map(|(c, f)| format!("{c}：{f}"))
            .collect();
        wb.row(&[
            Cell::text(t.institution_name.as_str()),
            Cell::text(t.inspector.as_str()),
            Cell::text(t.self_status.label()),
            Cell::text(points(t.raw_points)),
            Cell::text(points(t.total_points)),
            Cell::text(t.band.as_deref().unwrap_or(if t.scored_at.is_some() {
                "未达等次"
            } else {
                "未评分"
            })),
            Cell::text(t.vetoed_by.as_str()),
            Cell::text(findings.join("；")),
        ])
        .map_err(AppError::Internal)?;
    }
    wb.finish().map_err(AppError::Internal)
}

fn run(text: &str) -> Run {
    Run::new()
        .add_text(text)
        .fonts(RunFonts::new().east_asia("宋体"))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text).size(28))
}

fn row(cells: &[String], header: bool) -> TableRow {
    TableRow::new(
        cells
            .iter()
            .map(|c| {
                let r = run(c).size(24);
                TableCell::new().add_paragraph(Paragraph::new().add_run(if header {
                    r.bold()
                } else {
                    r
                }))
            })
            .collect(),
    )
}

/// The figures of the summary as sentences of the notice.
pub fn summary_sentences(r: &Results) -> Vec<String> {
    let s = &r.summary;
    let mut out = vec![format!(
        "本次{}共有参评单位 {} 所，已完成评分 {} 所，未评分 {} 所。",
        r.campaign.owner.label(),
        s.targets,
        s.scored,
        s.targets - s.scored
    )];
    if let (Some(avg), Some(max), Some(min)) = (s.average, s.max, s.min) {
        out.push(format!("平均得分 {avg}，最高 {max}，最低 {min}。"));
    }
    let bands: Vec<String> = s
        .by_band
        .iter()
        .map(|b| format!("{} {} 所", b.band, b.count))
        .collect();
    out.push(format!("评定结果：{}。", bands.join("，")));
    if s.vetoed > 0 {
        out.push(format!("触发一票否决 {} 所。", s.vetoed));
    }
    out
}

/// 通报: title, summary figures, the table of institutions and their
/// bands, and the findings.
pub fn notice_docx(r: &Results) -> Result<Vec<u8>, AppError> {
    let c = &r.campaign;
    let mut doc = Docx::new()
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&format!("关于{}结果的通报", c.title)).size(36).bold())
                .align(AlignmentType::Center),
        )
        .add_paragraph(para(&format!(
            "评估时间：{} 至 {}；评估标准：{}（{}年）。",
            c.starts_on, c.ends_on, r.framework_row.name, r.framework_row.year
        )));
    for s in summary_sentences(r) {
        doc = doc.add_paragraph(para(&s));
    }
    let header: Vec<String> = ["参评单位", "总分", "等次", "否决项"]
        .iter()
        .map(|h| h.to_string())
        .collect();
    let mut rows = vec![row(&header, true)];
    for l in &r.lines {
        let t = &l.target;
        rows.push(row(
            &[
                t.institution_name.clone(),
                points(t.total_points),
                t.band.clone().unwrap_or_else(|| {
                    if t.scored_at.is_some() {
                        "未达等次"
                    } else {
                        "未评分"
                    }
                    .into()
                }),
                t.vetoed_by.clone(),
            ],
            false,
        ));
    }
    doc = doc
        .add_paragraph(para("一、各单位评定结果"))
        .add_table(Table::new(rows))
        .add_paragraph(para("二、发现的主要问题"));
    let mut any = false;
    for l in &r.lines {
        for (code, finding) in &l.findings {
            any = true;
            doc = doc.add_paragraph(para(&format!(
                "{}（指标 {code}）：{finding}",
                l.target.institution_name
            )));
        }
    }
    if !any {
        doc = doc.add_paragraph(para("无。"));
    }
    doc = doc.add_paragraph(para("请各单位对照问题认真整改，按期报送整改情况。"));
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(buf.into_inner())
}
