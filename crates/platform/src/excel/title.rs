//! The first row of an exported sheet: what the sheet is, which filter
//! chose its rows and when it was made, so a printed or forwarded file
//! still says what it shows.

use chrono::{DateTime, Utc};

use crate::time;

#[derive(Clone, Debug)]
pub struct Title {
    name: String,
    /// `None` for a sheet that is not a filtered list (an error report).
    conditions: Option<Vec<(String, String)>>,
    at: DateTime<Utc>,
}

impl Title {
    /// A sheet that is not a selection of records, such as an error report.
    pub fn new(name: impl Into<String>) -> Title {
        Title {
            name: name.into(),
            conditions: None,
            at: time::now(),
        }
    }

    /// A list chosen by a filter; with no condition it reads "全部".
    pub fn list(name: impl Into<String>) -> Title {
        Title {
            conditions: Some(Vec::new()),
            ..Title::new(name)
        }
    }

    /// One condition of the filter, in the words of the page's form. A blank
    /// value means the condition was not used and is left out.
    pub fn filter(mut self, label: &str, value: impl Into<String>) -> Title {
        let value = value.into();
        if !value.trim().is_empty() {
            self.conditions
                .get_or_insert_with(Vec::new)
                .push((label.to_string(), value));
        }
        self
    }

    /// A condition given as a code (`primary`), shown by the label the form
    /// shows for it (小学), or as given when the code is unknown.
    pub fn filter_code<'a>(
        self,
        label: &str,
        code: Option<&'a str>,
        label_of: impl Fn(&str) -> Option<&'a str>,
    ) -> Title {
        let shown = code.map(|c| label_of(c).unwrap_or(c));
        self.filter(label, shown.unwrap_or_default())
    }

    /// The sheet's name (also its tab in Excel).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `机构名录　筛选条件：类别：小学；乡镇（街道）：双林镇　生成时间：2026-09-01 08:30（北京时间）`
    pub fn text(&self) -> String {
        let filter = match &self.conditions {
            None => String::new(),
            Some(c) if c.is_empty() => "　筛选条件：全部".to_string(),
            Some(c) => {
                let parts: Vec<String> = c.iter().map(|(k, v)| format!("{k}：{v}")).collect();
                format!("　筛选条件：{}", parts.join("；"))
            }
        };
        format!(
            "{}{filter}　生成时间：{}（北京时间）",
            self.name,
            time::show_minute(self.at)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: Title) -> Title {
        Title {
            at: "2026-09-01T00:30:00Z".parse().expect("time"),
            ..t
        }
    }

    #[test]
    fn the_title_names_the_filter_and_the_beijing_time() {
        let t = at(Title::list("机构名录")
            .filter("类别", "小学")
            .filter("名称或标识码", "")
            .filter_code("乡镇（街道）", Some("7"), |c| {
                (c == "7").then_some("双林镇")
            })
            .filter_code("状态", None, |_| Some("停办")));
        assert_eq!(
            t.text(),
            "机构名录　筛选条件：类别：小学；乡镇（街道）：双林镇　生成时间：2026-09-01 08:30（北京时间）"
        );
        let unknown = Title::list("x").filter_code("类别", Some("abc"), |_| None);
        assert!(unknown.text().contains("类别：abc"));
        assert_eq!(
            at(Title::list("学生名单")).text(),
            "学生名单　筛选条件：全部　生成时间：2026-09-01 08:30（北京时间）"
        );
        assert_eq!(
            at(Title::new("导入错误报告")).text(),
            "导入错误报告　生成时间：2026-09-01 08:30（北京时间）"
        );
    }
}
