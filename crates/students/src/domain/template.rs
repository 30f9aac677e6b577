//! The national student-record (学籍) collection template: its 72 fields in
//! official order, loaded from the published field list, plus the columns
//! this system adds. Headers are matched here; values are checked in
//! [`super::student`].

use std::sync::OnceLock;

/// A column of the import template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateField {
    /// Number in the national template (1–72), or 0 for our own columns.
    pub no: u32,
    /// 学生个人基础信息, 家庭成员或监护人信息一, …
    pub group: String,
    /// The header as written in the template (姓名, 性别, …).
    pub name: String,
    /// The header to write in our template and exports: the name, made unique
    /// with the group for guardian columns (家庭成员或监护人信息一·姓名).
    pub header: String,
    /// Allowed values, for drop-down lists (empty: free text).
    pub allowed: Vec<String>,
}

/// Our own columns, after the national 72.
const OWN: &[(&str, &str, &str)] = &[
    ("本系统补充信息", "学校标识码", ""),
    ("本系统补充信息", "是否低保", "是|否"),
    ("本系统补充信息", "是否建档立卡", "是|否"),
];

impl TemplateField {
    /// The most characters a cell of this column may hold (see
    /// docs/student-import.md): addresses 120, photos, web addresses,
    /// work places and talents 200, everything else 60. The columns the
    /// rules read have their own, stricter limits.
    pub fn max_chars(&self) -> usize {
        let has = |words: &[&str]| words.iter().any(|w| self.name.contains(w));
        if has(&["地址", "住址"]) {
            120
        } else if has(&["照片", "主页", "工作单位", "特长"]) {
            200
        } else {
            60
        }
    }
}

fn allowed_values(spec: &str) -> Vec<String> {
    // "男|女 (GB/T 2261.1 …)" → [男, 女]; free-text specs have no '|'.
    let head = spec.split(" (").next().unwrap_or("").trim();
    if !head.contains('|') || head.contains(' ') {
        return vec![];
    }
    head.split('|')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

fn load() -> Vec<TemplateField> {
    let text = include_str!("../../../../data/standards/xueji_student_template_72_fields.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut fields: Vec<TemplateField> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| {
            let group = r[1].to_string();
            let name = r[2].to_string();
            let header = if group.starts_with("家庭成员或监护人") {
                format!(
                    "{}·{}",
                    group.replace("家庭成员或监护人信息", "监护人"),
                    name
                )
            } else {
                name.clone()
            };
            TemplateField {
                no: r[0].parse().unwrap_or(0),
                group,
                name,
                header,
                allowed: allowed_values(&r[3]),
            }
        })
        .collect();
    fields.extend(OWN.iter().map(|(g, n, a)| TemplateField {
        no: 0,
        group: g.to_string(),
        name: n.to_string(),
        header: n.to_string(),
        allowed: allowed_values(a),
    }));
    fields
}

/// All template columns: the national 72, then ours.
pub fn fields() -> &'static [TemplateField] {
    static F: OnceLock<Vec<TemplateField>> = OnceLock::new();
    F.get_or_init(load)
}

/// Resolves the headers of an uploaded file to template fields (by index
/// into [`fields`]). A header may be the unique form (监护人一·姓名), the group
/// and name run together, or the bare name; a bare name that repeats (姓名
/// appears for the student and both guardians) takes the next group in
/// template order. Unknown headers resolve to None.
pub fn resolve_headers(headers: &[String]) -> Vec<Option<usize>> {
    let all = fields();
    let mut taken = vec![false; all.len()];
    headers
        .iter()
        .map(|h| {
            let h = h.trim();
            let found = all
                .iter()
                .enumerate()
                .find(|(i, f)| {
                    !taken[*i] && (f.header == h || format!("{}{}", f.group, f.name) == h)
                })
                .or_else(|| {
                    all.iter()
                        .enumerate()
                        .find(|(i, f)| !taken[*i] && f.name == h)
                })
                .map(|(i, _)| i);
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_72_then_ours() {
        let f = fields();
        assert_eq!(f.len(), 75);
        assert_eq!(f[0].name, "姓名");
        assert_eq!(f[71].no, 72);
        assert_eq!(f[1].allowed, vec!["男", "女"]);
        assert_eq!(f[48].header, "监护人一·姓名");
        assert!(f.iter().any(|x| x.name == "是否建档立卡"));
        let mut headers: Vec<_> = f.iter().map(|x| x.header.clone()).collect();
        headers.sort();
        headers.dedup();
        assert_eq!(headers.len(), f.len(), "headers are unique");
    }

    #[test]
    fn repeated_bare_names_fill_groups_in_order() {
        let h: Vec<String> = ["性别", "姓名", "身份证件号", "姓名", "关系", "姓名"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let r = resolve_headers(&h);
        let names: Vec<_> = r
            .iter()
            .map(|i| i.map(|i| fields()[i].header.clone()))
            .collect();
        assert_eq!(names[1].as_deref(), Some("姓名"));
        assert_eq!(names[3].as_deref(), Some("监护人一·姓名"));
        assert_eq!(names[5].as_deref(), Some("监护人二·姓名"));
        assert_eq!(names[4].as_deref(), Some("监护人一·关系"));
        assert_eq!(resolve_headers(&["不存在".to_string()]), vec![None]);
    }
}
