//! How the audit log names things for people: each kind of record (对象类型)
//! and each of its fields with a Chinese label, and how a field's stored
//! value reads (codes decoded, money in 元, times in Beijing time).
//!
//! The platform knows no work area: each area contributes a slice of
//! [`EntityLabels`] (`<area>::audit_labels::AUDIT_LABELS`), and the program
//! puts them together into one [`AuditLabels`] held in `AppState`.

use serde_json::Value;

/// The Chinese names of one kind of record and of its fields.
#[derive(Debug)]
pub struct EntityLabels {
    /// The `entity` written with [`super::Entry::new`], e.g. `institution`.
    pub entity: &'static str,
    /// What people call it, e.g. 机构.
    pub label: &'static str,
    /// Its fields, in the order changes are listed. A snapshot that is a
    /// single value rather than an object (e.g. just a status) is looked up
    /// under the empty key `""`. Nested objects are looked up by their path,
    /// `outer.inner`.
    pub fields: &'static [FieldLabel],
}

/// One field of a snapshot.
#[derive(Debug)]
pub struct FieldLabel {
    pub field: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
}

/// How a stored value reads.
#[derive(Clone, Copy, Debug)]
pub enum FieldKind {
    /// Shown as stored.
    Text,
    /// Bookkeeping (row id, version, last-changed time): never listed.
    Hidden,
    /// 是 / 否.
    Bool,
    /// An instant stored in UTC, shown in Beijing time.
    Time,
    /// A code decoded by the area's own label function (each element of a
    /// list too); a code it does not know is shown as stored.
    Code(fn(&str) -> Option<&'static str>),
    /// Shown by the area's own type (money as its `Fen`, a list of
    /// conditions as the area's page writes them); `None` shows it as stored.
    Show(fn(&Value) -> Option<String>),
    /// A township id (乡镇/街道), shown by name.
    Township,
    /// An institution id (机构), shown by name.
    Institution,
}

impl FieldLabel {
    pub const fn new(field: &'static str, label: &'static str, kind: FieldKind) -> FieldLabel {
        FieldLabel { field, label, kind }
    }

    /// A field shown as stored.
    pub const fn text(field: &'static str, label: &'static str) -> FieldLabel {
        FieldLabel::new(field, label, FieldKind::Text)
    }

    /// A bookkeeping field that is never listed.
    pub const fn hidden(field: &'static str) -> FieldLabel {
        FieldLabel::new(field, "", FieldKind::Hidden)
    }
}

/// An area's labels as a table, one entry per kind of record:
///
/// ```ignore
/// pub const AUDIT_LABELS: &[EntityLabels] = platform::audit_labels! {
///     institution "机构" {
///         name: "机构名称", ownership: "举办性质" of(Ownership),
///         township_id: "所在乡镇（街道）" township, boarding: "是否寄宿制" yes_no;
///         hidden id, version
///     }
/// };
/// ```
///
/// A field is `key: "标签"` followed by how its value reads: nothing (as
/// stored), `yes_no`, `time`, `township`, `institution`, `code(fn)`,
/// `show(fn)`, or `of(Type)` for a type with `parse(&str) -> Option<Type>`
/// and `label(self) -> &'static str`. The key `_` stands for a snapshot that
/// is a single value. Bookkeeping fields follow `; hidden`.
#[macro_export]
macro_rules! audit_labels {
    (@key _) => { "" };
    (@key $key:ident) => { stringify!($key) };
    (@kind) => { $crate::audit::labels::FieldKind::Text };
    (@kind yes_no) => { $crate::audit::labels::FieldKind::Bool };
    (@kind time) => { $crate::audit::labels::FieldKind::Time };
    (@kind township) => { $crate::audit::labels::FieldKind::Township };
    (@kind institution) => { $crate::audit::labels::FieldKind::Institution };
    (@kind code($f:expr)) => { $crate::audit::labels::FieldKind::Code($f) };
    (@kind show($f:expr)) => { $crate::audit::labels::FieldKind::Show($f) };
    (@kind of($t:path)) => {
        $crate::audit::labels::FieldKind::Code(|s| <$t>::parse(s).map(<$t>::label))
    };
    ($($entity:ident $label:literal {
        $($key:tt : $field:literal $($kind:ident $(($($arg:tt)*))?)?),*
        $(; hidden $($hidden:ident),* $(,)?)?
    })*) => {
        &[$($crate::audit::labels::EntityLabels {
            entity: stringify!($entity),
            label: $label,
            fields: &[
                $($crate::audit::labels::FieldLabel::new(
                    $crate::audit_labels!(@key $key),
                    $field,
                    $crate::audit_labels!(@kind $($kind $(($($arg)*))?)?),
                ),)*
                $($($crate::audit::labels::FieldLabel::hidden(stringify!($hidden)),)*)?
            ],
        },)*]
    };
}

/// What was done, in Chinese. Views and exports of records are kept apart
/// from changes ([`is_view`]).
pub const ACTIONS: &[(&str, &str)] = &[
    ("create", "新增"),
    ("update", "修改"),
    ("delete", "删除"),
    ("import", "导入"),
    ("login", "登录"),
    ("password", "修改密码"),
    ("view", "查看"),
    ("export", "导出"),
    ("disable", "停用"),
    ("enable", "启用"),
    ("reset_password", "重置密码"),
    ("throttle", "登录限流"),
];

/// Reading a record or exporting a list: not a change.
pub fn is_view(action: &str) -> bool {
    matches!(action, "view" | "export")
}

/// The Chinese name of an action, if it has one.
pub fn action_name(action: &str) -> Option<&'static str> {
    ACTIONS.iter().find(|(k, _)| *k == action).map(|(_, l)| *l)
}

/// The Chinese name of an action; an action nobody labelled is shown as
/// written.
pub fn action_label(action: &str) -> &str {
    action_name(action).unwrap_or(action)
}

/// The platform's own records: accounts, the district, the audit log.
pub const PLATFORM: &[EntityLabels] = crate::audit_labels! {
    user "账号" {}
    district "辖区" {}
    audit_log "审计日志" {
        entity: "对象类型", entity_id: "对象编号", action: "操作" code(action_name),
        username: "用户名", user: "用户", institution_id: "机构" institution,
        from: "起始日期", to: "截止日期",
        kind: "范围" code(|k| Some(super::filter::Kind::parse(k).label()));
        hidden page
    }
};

/// Every area's labels, looked up by entity.
#[derive(Debug, Default)]
pub struct AuditLabels {
    entities: Vec<&'static EntityLabels>,
}

impl AuditLabels {
    /// The labels of every area, in the order given. Each entity, and each
    /// field of an entity, is labelled once: a second label is a mistake,
    /// caught by every test that starts the program (outside tests the
    /// first one wins).
    pub fn new(parts: &[&'static [EntityLabels]]) -> AuditLabels {
        let mut entities: Vec<&'static EntityLabels> = Vec::new();
        for e in parts.iter().flat_map(|p| p.iter()) {
            let twice = entities.iter().any(|x| x.entity == e.entity);
            debug_assert!(!twice, "audit labels: {} is labelled twice", e.entity);
            debug_assert!(
                e.fields
                    .iter()
                    .enumerate()
                    .all(|(i, f)| e.position(f.field) == i),
                "audit labels: a field of {} is labelled twice",
                e.entity
            );
            if !twice {
                entities.push(e);
            }
        }
        AuditLabels { entities }
    }

    pub fn get(&self, entity: &str) -> Option<&'static EntityLabels> {
        self.entities.iter().copied().find(|e| e.entity == entity)
    }

    /// 机构 for `institution`; an entity nobody labelled is shown as written.
    pub fn entity_label<'a>(&self, entity: &'a str) -> &'a str {
        self.get(entity).map_or(entity, |e| e.label)
    }

    /// (entity, label) of every labelled kind of record, for a filter.
    pub fn choices(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.entities.iter().map(|e| (e.entity, e.label))
    }
}

impl EntityLabels {
    pub fn field(&self, field: &str) -> Option<&'static FieldLabel> {
        self.fields.iter().find(|f| f.field == field)
    }

    /// Where a field stands in the listing order (unlabelled fields last).
    pub(super) fn position(&self, field: &str) -> usize {
        self.fields
            .iter()
            .position(|f| f.field == field)
            .unwrap_or(self.fields.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: &[EntityLabels] = crate::audit_labels! {
        institution "机构" { name: "机构名称" }
    };

    #[test]
    fn entities_are_found_by_their_key_and_shown_by_label() {
        let all = AuditLabels::new(&[PLATFORM, AREA]);
        assert_eq!(all.entity_label("institution"), "机构");
        assert_eq!(all.entity_label("user"), "账号");
        assert_eq!(all.entity_label("no_such_thing"), "no_such_thing");
        let inst = all.get("institution").expect("labelled");
        assert_eq!(inst.field("name").map(|f| f.label), Some("机构名称"));
        assert!(inst.field("code").is_none());
        assert_eq!(inst.position("name"), 0);
        assert_eq!(inst.position("code"), 1);
        let keys: Vec<_> = all.choices().map(|(k, _)| k).collect();
        assert_eq!(keys, ["user", "district", "audit_log", "institution"]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "user is labelled twice")]
    fn an_entity_is_labelled_once() {
        const AGAIN: &[EntityLabels] = crate::audit_labels! { user "另一个账号" {} };
        AuditLabels::new(&[PLATFORM, AGAIN]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a field of twice is labelled twice")]
    fn a_field_is_labelled_once() {
        const AGAIN: &[EntityLabels] = crate::audit_labels! { twice "重复" { a: "甲", a: "乙" } };
        AuditLabels::new(&[AGAIN]);
    }

    #[test]
    fn actions_read_in_chinese_and_views_stand_apart() {
        assert_eq!(action_label("update"), "修改");
        assert_eq!(action_label("export"), "导出");
        assert_eq!(action_label("merge"), "merge");
        assert!(is_view("view") && is_view("export"));
        assert!(!is_view("update") && !is_view("login"));
    }
}
