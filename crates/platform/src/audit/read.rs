//! An audit entry as people read it: Beijing time, the actor's name, the
//! action and kind of record in Chinese, the institution by name and the
//! changes field by field. The page, the export and the API all use this.

use serde_json::Value;

use crate::db::{Db, DbError};
use crate::excel::{Cell, Title, Workbook};

use super::diff::{changes, Names};
use super::filter::AuditFilter;
use super::labels::{action_label, AuditLabels};
use super::store::{institution_names, AuditRow};

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ReadableRow {
    #[serde(flatten)]
    pub row: AuditRow,
    /// When, in Beijing time: 2026-09-01 08:30:05.
    pub time: String,
    /// 姓名（用户名）, or who acted without an account.
    pub actor: String,
    pub action_label: String,
    pub entity_label: String,
    pub institution_name: Option<String>,
    /// 字段：旧值 → 新值, one per changed field.
    pub changes: Vec<String>,
}

/// Who acted, as people know them.
pub fn actor(username: &str, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{n}（{username}）"),
        None if username.starts_with("system:") => "系统（命令行）".into(),
        None if username.starts_with("public:") => "公众（未登录）".into(),
        None => username.to_string(),
    }
}

/// What an entry's ids refer to, loaded once per page or export.
pub struct Reader<'l> {
    labels: &'l AuditLabels,
    names: Names,
    /// Every institution by name, for the institution filter.
    pub institutions: Vec<(i64, String)>,
}

impl<'l> Reader<'l> {
    pub async fn load(db: &Db, labels: &'l AuditLabels) -> Result<Reader<'l>, DbError> {
        let institutions = institution_names(db).await?;
        let townships = crate::district::townships(db).await?;
        let names = Names {
            townships: townships.into_iter().map(|t| (t.id.0, t.name)).collect(),
            institutions: institutions.iter().cloned().collect(),
        };
        Ok(Reader {
            labels,
            names,
            institutions,
        })
    }

    pub fn read(&self, row: AuditRow) -> ReadableRow {
        let snapshot = |s: &Option<String>| -> Option<Value> {
            s.as_deref().and_then(|t| serde_json::from_str(t).ok())
        };
        let (before, after) = (snapshot(&row.before_json), snapshot(&row.after_json));
        let changes = changes(
            self.labels.get(&row.entity),
            before.as_ref(),
            after.as_ref(),
            &self.names,
        );
        ReadableRow {
            time: crate::time::show_second(row.at),
            actor: actor(&row.username, row.actor_name.as_deref()),
            action_label: action_label(&row.action).to_string(),
            entity_label: self.labels.entity_label(&row.entity).to_string(),
            institution_name: row
                .institution_id
                .and_then(|i| self.names.institutions.get(&i.0).cloned()),
            changes: changes.iter().map(ToString::to_string).collect(),
            row,
        }
    }
}

/// The columns of the export, the same as the page's.
pub const EXPORT_HEADERS: &[&str] = &[
    "时间（北京时间）",
    "用户",
    "操作",
    "对象类型",
    "机构",
    "摘要",
    "变更内容",
    "IP 地址",
];

/// The title row of an export: the filter in the words of the page.
pub fn title(f: &AuditFilter, labels: &AuditLabels) -> Title {
    Title::list("审计日志")
        .filter("范围", f.kind().label())
        .filter(
            "对象类型",
            f.entity
                .as_deref()
                .map(|e| labels.entity_label(e))
                .unwrap_or(""),
        )
        .filter("操作", f.action.as_deref().map(action_label).unwrap_or(""))
        .filter(
            "用户",
            f.user.as_deref().or(f.username.as_deref()).unwrap_or(""),
        )
        .filter("起始日期", f.from.as_deref().unwrap_or(""))
        .filter("截止日期", f.to.as_deref().unwrap_or(""))
}

/// The rows as a workbook, one line per change inside the 变更内容 cell.
pub fn workbook(title: &Title, rows: &[ReadableRow]) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::export(title, EXPORT_HEADERS);
    for r in rows {
        let changes = r.changes.join("\n");
        wb.row(&[
            Cell::text(r.time.as_str()),
            Cell::text(r.actor.as_str()),
            Cell::text(r.action_label.as_str()),
            Cell::text(r.entity_label.as_str()),
            Cell::text(r.institution_name.as_deref().unwrap_or("")),
            Cell::text(r.row.summary.as_str()),
            Cell::text(changes),
            Cell::text(r.row.ip.as_deref().unwrap_or("")),
        ])?;
    }
    wb.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_are_named() {
        assert_eq!(actor("jijiao", Some("基教科")), "基教科（jijiao）");
        assert_eq!(actor("system:demo", None), "系统（命令行）");
        assert_eq!(actor("public:apply", None), "公众（未登录）");
        assert_eq!(actor("gone", None), "gone");
    }
}
