//! Why a file could not be read, in Chinese, each saying what to do. No
//! library text reaches the user: errors of the zip, xlsx and CSV readers
//! are mapped here.

use super::{column_letters, MAX_CELLS, MAX_CELL_CHARS, MAX_COLUMNS};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReadError {
    #[error("文件是空的，请选择填好数据的文件后重新上传")]
    Empty,
    #[error("文件过大（超过 {0} MB），请拆分后分批导入")]
    TooLarge(usize),
    #[error(
        "无法识别文件格式（{0}）：请上传 Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK 编码）"
    )]
    NotSpreadsheet(String),
    #[error(
        "不支持旧版 .xls 格式或设有密码的工作簿：请在 Excel 中（取消密码后）另存为 .xlsx 再上传"
    )]
    OldXls,
    #[error("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或不是 Excel 文件；请用 Excel 另存为 .xlsx 后重新上传")]
    NotXlsx,
    #[error("工作簿设有密码保护，无法读取；请在 Excel 中取消密码后另存为 .xlsx 重新上传")]
    Encrypted,
    #[error("工作簿中没有名为“{0}”的工作表；请确认工作表名称后重新上传")]
    NoSheet(String),
    #[error("{}中没有表头行（第一行应为列名）；请使用导入模板，在第一行填写列名", place(.0))]
    NoHeader(Option<String>),
    #[error("文件解压后过大，疑似压缩炸弹，已拒绝；请检查文件后重新上传")]
    ZipBomb,
    #[error("工作表“{0}”内容损坏，无法读取；请用 Excel 打开该文件，另存为 .xlsx 后重新上传")]
    CorruptSheet(String),
    #[error("CSV 文件第 {0} 行格式有误，无法读取（例如引号不成对）；请用 Excel 打开后另存为“CSV UTF-8”再上传")]
    CorruptCsv(u64),
    #[error("{}第 {row} 行 {} 列超出导入范围：每行最多 {MAX_COLUMNS} 列（到 {} 列）；请删除多余的列（含看似空白但设置过内容或格式的单元格）后重新上传", place(.sheet), column_letters(*.col), column_letters(MAX_COLUMNS - 1))]
    TooWide {
        sheet: Option<String>,
        row: usize,
        col: usize,
    },
    #[error("{}数据过多：超过 {MAX_CELLS} 个单元格（第 {row} 行处）；请拆分为多个文件分批导入，或以 CSV 文件导入", place(.sheet))]
    TooManyCells { sheet: Option<String>, row: usize },
    #[error("{}第 {row} 行 {} 列内容过长（{chars} 个字符，单元格最多 {MAX_CELL_CHARS} 个）；请检查并删减该单元格后重新上传", place(.sheet), column_letters(*.col))]
    CellTooLong {
        sheet: Option<String>,
        row: usize,
        col: usize,
        chars: usize,
    },
    #[error("{}第 {row} 行“{column}”列是超过 15 位的数字，Excel 只保留了前 15 位，后几位已变成 0；请将该列设置为文本格式后重新录入", place(&Some(.sheet.clone())))]
    LossyNumber {
        sheet: String,
        row: usize,
        column: String,
    },
}

/// "工作表“学生信息”" before a place in the file; nothing for a CSV file.
fn place(sheet: &Option<String>) -> String {
    match sheet.as_deref() {
        Some(s) if !s.is_empty() => format!("工作表“{s}”"),
        _ => "文件".to_string(),
    }
}

impl ReadError {
    /// A library error while opening or reading a worksheet, for users.
    pub(super) fn from_xlsx(e: &calamine::XlsxError, sheet: &str) -> ReadError {
        match e {
            calamine::XlsxError::Password => ReadError::Encrypted,
            _ if sheet.is_empty() => ReadError::NotXlsx,
            _ => ReadError::CorruptSheet(sheet.to_string()),
        }
    }
}
