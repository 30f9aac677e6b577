use rust_xlsxwriter::{Format, Worksheet};

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A one-sheet workbook written row by row. Every cell is text, so ID
/// numbers keep all 18 digits when opened in Excel.
pub struct Workbook {
    book: rust_xlsxwriter::Workbook,
    widths: Vec<usize>,
    next_row: u32,
}

/// Display width of text: CJK characters take two columns.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

impl Workbook {
    pub fn new(sheet: &str, headers: &[&str]) -> Workbook {
        let mut book = rust_xlsxwriter::Workbook::new();
        let bold = Format::new().set_bold().set_background_color("#DCE6F1");
        let ws = book.add_worksheet();
        // Sheet names are limited to 31 characters by Excel.
        let _ = ws.set_name(sheet.chars().take(31).collect::<String>());
        for (i, h) in headers.iter().enumerate() {
            let _ = ws.write_string_with_format(0, i as u16, *h, &bold);
        }
        let _ = ws.set_freeze_panes(1, 0);
        Workbook {
            book,
            widths: headers.iter().map(|h| width(h)).collect(),
            next_row: 1,
        }
    }

    pub fn sheet(&mut self) -> &mut Worksheet {
        self.book
            .worksheet_from_index(0)
            .expect("the workbook has its sheet")
    }

    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> anyhow::Result<()> {
        let r = self.next_row;
        for (i, c) in cells.iter().enumerate() {
            let c = c.as_ref();
            if let Some(w) = self.widths.get_mut(i) {
                *w = (*w).max(width(c));
            }
            self.sheet().write_string(r, i as u16, c)?;
        }
        self.next_row += 1;
        Ok(())
    }

    pub fn finish(mut self) -> anyhow::Result<Vec<u8>> {
        let widths = std::mem::take(&mut self.widths);
        for (i, w) in widths.into_iter().enumerate() {
            self.sheet()
                .set_column_width(i as u16, (w.min(60) + 2) as f64)?;
        }
        Ok(self.book.save_to_buffer()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_double_width() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("幼儿园"), 6);
    }

    #[test]
    fn writes_a_readable_workbook() {
        let mut wb = Workbook::new("机构", &["名称", "代码"]);
        wb.row(&["实验小学", "3305030001"]).unwrap();
        let bytes = wb.finish().unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let table = crate::excel::read_table(&bytes, "x.xlsx", None).unwrap();
        assert_eq!(table.headers, vec!["名称", "代码"]);
        assert_eq!(table.rows[0].cells, vec!["实验小学", "3305030001"]);
        assert_eq!(table.rows[0].number, 2);
    }
}
