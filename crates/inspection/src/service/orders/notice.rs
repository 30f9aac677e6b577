//! 整改通知书 as a Word document, ready to print: title, number,
//! institution, finding, requirement, deadline, responsible person, the
//! issuing section and the date, from the stored order.

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts};
use platform::auth::{Caller, Section};
use platform::db::Db;
use platform::time::show_date;
use platform::AppError;

use super::read::readable;
use crate::domain::{OrderId, Owner};
use crate::store::orders::Order;

/// The section that signs an owner's notices.
fn issuing_section(owner: Owner) -> Section {
    match owner {
        Owner::Supervision => Section::Supervision,
        Owner::Private => Section::PrivateEducation,
        Owner::Safety => Section::Safety,
    }
}

/// The notice's file name and .docx bytes.
pub async fn notice_docx(
    db: &Db,
    caller: &Caller,
    id: OrderId,
) -> Result<(String, Vec<u8>), AppError> {
    let order = readable(db, caller, id).await?;
    let bureau = platform::district::district(db)
        .await?
        .map(|d| d.bureau_name)
        .unwrap_or_else(|| "教育局".into());
    let bytes = document(&order, &bureau).map_err(AppError::Internal)?;
    let name = format!(
        "整改通知书 {} {}.docx",
        order.number, order.institution_name
    );
    Ok((name, bytes))
}

fn text(s: &str, size: usize) -> Run {
    Run::new()
        .add_text(s)
        .size(size)
        .fonts(RunFonts::new().east_asia("宋体"))
}

fn centered(s: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(text(s, size).bold())
        .align(AlignmentType::Center)
}

fn labelled(label: &str, value: &str) -> Paragraph {
    Paragraph::new()
        .add_run(text(label, 28).bold())
        .add_run(text(value, 28))
}

fn document(o: &Order, bureau: &str) -> anyhow::Result<Vec<u8>> {
    let section = issuing_section(o.owner).label();
    let requirement = if o.requirement.is_empty() {
        "请对照上述问题认真整改。"
    } else {
        o.requirement.as_str()
    };
    let docx = Docx::new()
        .add_paragraph(centered(bureau, 36))
        .add_paragraph(centered("整改通知书", 44))
        .add_paragraph(centered(&o.number, 28))
        .add_paragraph(Paragraph::new().add_run(text(&format!("{}：", o.institution_name), 28)))
        .add_paragraph(labelled("发现的问题：", &o.finding))
        .add_paragraph(labelled("整改要求：", requirement))
        .add_paragraph(labelled("整改期限：", &show_date(o.deadline)))
        .add_paragraph(labelled("整改责任人：", &o.responsible_person))
        .add_paragraph(labelled(
            "",
            "请于期限内完成整改，并通过系统报送整改情况及佐证材料。",
        ))
        .add_paragraph(
            Paragraph::new()
                .add_run(text(&format!("{bureau}{section}"), 28))
                .align(AlignmentType::Right),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(text(&show_date(o.issued_on), 28))
                .align(AlignmentType::Right),
        );
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out)?;
    Ok(out.into_inner())
}
