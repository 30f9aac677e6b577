//! The 通报 (notice of results) of a year's 年检 or 等级验收, generated as a
//! .docx from the stored results, ready to print: counts by result, the
//! table of institutions, the closures decided that year.

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow};
use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::AppError;

use crate::domain::inspections::{show_permille, AnnualResult, Grade, Kind};
use crate::store::closures as closure_store;

fn run(text: impl Into<String>, size: usize) -> Run {
    Run::new()
        .add_text(text)
        .size(size)
        .fonts(RunFonts::new().east_asia("宋体"))
}

fn para(text: impl Into<String>) -> Paragraph {
    Paragraph::new().add_run(run(text, 28))
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(Paragraph::new().add_run(run(text, 24)))
}

/// The notice's file name and bytes. The bureau's document: institutions
/// get 404.
pub async fn notice(
    db: &Db,
    caller: &Caller,
    kind: Kind,
    year: i64,
) -> Result<(String, Vec<u8>), AppError> {
    caller.bureau(db, WorkArea::PrivateEducation)?;
    let y = super::year(db, caller, kind, year).await?;
    if y.results.is_empty() {
        return Err(AppError::invalid(
            "year",
            format!("{year}年还没有{}结果，不能生成通报", kind.label()),
        ));
    }
    let closed = closure_store::final_in_year(db, year).await?;
    let what = match kind {
        Kind::Annual => "民办学校年检",
        Kind::Grading => "民办幼儿园等级验收",
    };
    let title = format!("关于{year}年度{what}结果的通报");
    let labels: Vec<&str> = match kind {
        Kind::Annual => AnnualResult::ALL.iter().map(|r| r.label()).collect(),
        Kind::Grading => Grade::ALL.iter().map(|g| g.label()).collect(),
    };
    let counts: Vec<String> = labels
        .iter()
        .map(|l| {
            let n = y.results.iter().filter(|r| r.result_label == *l).count();
            format!("{l} {n} 所")
        })
        .collect();
    let mut doc = Docx::new()
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&title, 36).bold())
                .align(AlignmentType::Center),
        )
        .add_paragraph(para("各民办学校（幼儿园）："))
        .add_paragraph(para(format!(
            "根据民办学校管理有关规定，我局组织开展了{year}年度{what}工作。现将结果通报如下："
        )))
        .add_paragraph(para(format!(
            "参加{} {} 所，{}；通过率 {}。",
            kind.label(),
            y.total,
            counts.join("，"),
            show_permille(y.rate_permille)
        )));
    let header = TableRow::new(vec![
        cell("序号"),
        cell("单位名称"),
        cell("结果"),
        cell("说明"),
    ]);
    let mut rows = vec![header];
    for (n, r) in y.results.iter().enumerate() {
        rows.push(TableRow::new(vec![
            cell(&(n + 1).to_string()),
            cell(&r.institution_name),
            cell(&r.result_label),
            cell(&r.reason),
        ]));
    }
    doc = doc.add_table(Table::new(rows));
    if !closed.is_empty() {
        let names: Vec<&str> = closed.iter().map(|c| c.institution_name.as_str()).collect();
        doc = doc.add_paragraph(para(format!(
            "本年度终止办学 {} 所：{}。其在校学生均已妥善安置。",
            closed.len(),
            names.join("、")
        )));
    }
    let failing = y.results.iter().filter(|r| kind.fails(&r.result)).count();
    if failing > 0 {
        doc = doc.add_paragraph(para(format!(
            "对未通过的 {failing} 所单位，我局已下发整改通知书，请按期整改并报送整改材料，逾期未整改的依法处理。"
        )));
    }
    doc = doc
        .add_paragraph(para(""))
        .add_paragraph(para("区教育局").align(AlignmentType::Right))
        .add_paragraph(
            para(platform::time::show_date(platform::time::today())).align(AlignmentType::Right),
        );
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((format!("{title}.docx"), out.into_inner()))
}
