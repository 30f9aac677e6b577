//! The document as .docx, laid out as a 红头文件: the issuer's name in red
//! over a red rule, the number, the title, 主送, the body, 落款 and date,
//! and the 抄送 line.

use docx_rs::{
    AlignmentType, BorderType, Docx, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SpecialIndentType,
};
use platform::AppError;

use super::{section_label, DocumentDetail};
use crate::domain::documents::Issuer;
use crate::store::documents::recipients::Recipient;

const RED: &str = "FF0000";

fn run(text: &str, font: &str, half_points: usize) -> Run {
    Run::new()
        .add_text(text)
        .fonts(RunFonts::new().east_asia(font))
        .size(half_points)
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

/// A recipient's name as the document lists it.
pub fn recipient_name(r: &Recipient) -> String {
    match (&r.institution_name, &r.section) {
        (Some(n), _) => n.clone(),
        (None, Some(s)) => format!("局{}", section_label(s)),
        (None, None) => String::new(),
    }
}

/// 主送 (copy_only false) or 抄送 names, joined as the document lists them.
pub fn names(all: &[Recipient], copy_only: bool) -> String {
    all.iter()
        .filter(|r| r.copy_only == copy_only)
        .map(recipient_name)
        .collect::<Vec<_>>()
        .join("、")
}

/// The document's .docx; `bureau` is the bureau's name (教育局).
pub fn document_docx(d: &DocumentDetail, bureau: &str) -> Result<Vec<u8>, AppError> {
    let doc = &d.document;
    let issuer = match doc.issuer {
        Issuer::Bureau => format!("{bureau}文件"),
        Issuer::Office => format!("{bureau}办公室文件"),
    };
    let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(18)
        .color(RED);
    let mut number = centred(run(
        doc.number.as_deref().unwrap_or("（未编号）"),
        "仿宋_GB2312",
        32,
    ));
    number.property = number
        .property
        .set_borders(ParagraphBorders::with_empty().set(rule));
    let mut docx = Docx::new()
        .add_paragraph(centred(run(&issuer, "方正小标宋简体", 64).color(RED)))
        .add_paragraph(number)
        .add_paragraph(Paragraph::new())
        .add_paragraph(centred(run(&doc.title, "方正小标宋简体", 44)))
        .add_paragraph(Paragraph::new())
        .add_paragraph(Paragraph::new().add_run(run(
            &format!("{}：", names(&d.recipients, false)),
            "仿宋_GB2312",
            32,
        )));
    for line in doc.body.lines().filter(|l| !l.trim().is_empty()) {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(run(line.trim(), "仿宋_GB2312", 32))
                .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None),
        );
    }
    if !d.files.is_empty() {
        let files: Vec<&str> = d.files.iter().map(|f| f.file_name.as_str()).collect();
        docx = docx.add_paragraph(Paragraph::new().add_run(run(
            &format!("附件：{}", files.join("、")),
            "仿宋_GB2312",
            32,
        )));
    }
    let date = doc
        .signed_on
        .map(|d| format!("{}", d.format("%Y年%-m月%-d日")))
        .unwrap_or_default();
    let signer = match doc.issuer {
        Issuer::Bureau => bureau.to_string(),
        Issuer::Office => format!("{bureau}办公室"),
    };
    docx = docx
        .add_paragraph(Paragraph::new())
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&signer, "仿宋_GB2312", 32))
                .align(AlignmentType::Right),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&date, "仿宋_GB2312", 32))
                .align(AlignmentType::Right),
        );
    let copies = names(&d.recipients, true);
    if !copies.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().add_run(run(
            &format!("抄送：{copies}。"),
            "仿宋_GB2312",
            28,
        )));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut buf)
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(buf.into_inner())
}
