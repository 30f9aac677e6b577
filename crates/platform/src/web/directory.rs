//! The names of the district's institutions, for pickers in the platform's
//! own pages (accounts). The platform keeps no institutions; the program
//! hands it a function from the institutions area through [`super::AppState`].

use maud::{html, Markup};

use crate::db::{BoxFut, Db, DbError};
use crate::ids::InstitutionId;

/// One institution as a picker offers it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct InstitutionChoice {
    pub id: InstitutionId,
    pub name: String,
    /// 学校标识码, where the institution has one.
    pub code: Option<String>,
}

/// Every institution of the district, by name.
pub type InstitutionDirectory = fn(&Db) -> BoxFut<'_, Result<Vec<InstitutionChoice>, DbError>>;

/// A directory with no institutions (a program without the institutions area).
pub fn no_institutions(_: &Db) -> BoxFut<'_, Result<Vec<InstitutionChoice>, DbError>> {
    Box::pin(async { Ok(Vec::new()) })
}

impl InstitutionChoice {
    /// What the picker shows and a user types: the name with its code.
    pub fn label(&self) -> String {
        match &self.code {
            Some(code) => format!("{}（{code}）", self.name),
            None => self.name.clone(),
        }
    }
}

/// The institution a user chose by its label, its exact name (when no other
/// institution has that name) or its code.
pub fn find(all: &[InstitutionChoice], typed: &str) -> Option<InstitutionId> {
    resolve(all, typed).ok()
}

/// Like [`find`], and when `typed` names no single institution, a message
/// saying so in Chinese that lists the institutions it could mean (those
/// sharing the name, or whose name contains it): the command line and any
/// caller that must say why.
pub fn resolve(all: &[InstitutionChoice], typed: &str) -> Result<InstitutionId, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("请填写机构名称或学校标识码".into());
    }
    if let Some(c) = all.iter().find(|c| c.label() == typed) {
        return Ok(c.id);
    }
    let named: Vec<_> = all.iter().filter(|c| c.name == typed).collect();
    if let [one] = named.as_slice() {
        return Ok(one.id);
    }
    if let Some(c) = all.iter().find(|c| c.code.as_deref() == Some(typed)) {
        if named.is_empty() {
            return Ok(c.id);
        }
    }
    let candidates = if named.is_empty() {
        all.iter().filter(|c| c.name.contains(typed)).collect()
    } else {
        named
    };
    let listed = |cs: &[&InstitutionChoice]| {
        let mut labels: Vec<_> = cs.iter().take(10).map(|c| c.label()).collect();
        if cs.len() > 10 {
            labels.push(format!("等 {} 个", cs.len()));
        }
        labels.join("、")
    };
    Err(match candidates.as_slice() {
        [] => format!("没有名称或学校标识码为“{typed}”的机构"),
        [one] => format!(
            "没有名称或学校标识码为“{typed}”的机构；是否指 {}？",
            one.label()
        ),
        several => format!(
            "“{typed}”对应多个机构：{}。请写出完整名称或学校标识码",
            listed(several)
        ),
    })
}

/// The id of the institutions' `<datalist>`.
const LIST: &str = "institution-list";

/// A text field that offers every institution by name and 学校标识码 as the
/// user types (the browser's own search of a `<datalist>`): nobody types an
/// internal id. [`find`] reads back what was chosen.
pub fn picker(name: &str, value: &str, all: &[InstitutionChoice]) -> Markup {
    html! {
        input type="text" id=(name) name=(name) list=(LIST) value=(value) autocomplete="off" placeholder="输入名称或标识码，从列表中选择";
        datalist id=(LIST) {
            @for c in all { option value=(c.label()) {} }
        }
    }
}

/// The label of institution `id`, or its number if it is not in the list.
pub fn label_of(all: &[InstitutionChoice], id: InstitutionId) -> String {
    all.iter()
        .find(|c| c.id == id)
        .map(InstitutionChoice::label)
        .unwrap_or_else(|| format!("机构 {id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(id: i64, name: &str, code: Option<&str>) -> InstitutionChoice {
        InstitutionChoice {
            id: InstitutionId(id),
            name: name.into(),
            code: code.map(str::to_string),
        }
    }

    #[test]
    fn chosen_by_label_unique_name_or_code() {
        let all = [
            choice(1, "南浔区实验小学", Some("3133000001")),
            choice(2, "练市镇中心幼儿园", None),
            choice(3, "双林镇中学", Some("3133000003")),
            choice(4, "双林镇中学", Some("3133000004")),
        ];
        assert_eq!(all[0].label(), "南浔区实验小学（3133000001）");
        assert_eq!(
            find(&all, " 南浔区实验小学（3133000001） "),
            Some(InstitutionId(1))
        );
        assert_eq!(find(&all, "南浔区实验小学"), Some(InstitutionId(1)));
        assert_eq!(find(&all, "练市镇中心幼儿园"), Some(InstitutionId(2)));
        assert_eq!(find(&all, "双林镇中学"), None, "two share the name");
        assert_eq!(
            find(&all, "双林镇中学（3133000004）"),
            Some(InstitutionId(4))
        );
        assert_eq!(find(&all, "3133000003"), Some(InstitutionId(3)));
        assert_eq!(find(&all, "实验"), None);
        assert_eq!(find(&all, "  "), None);
        assert_eq!(label_of(&all, InstitutionId(2)), "练市镇中心幼儿园");
    }

    #[test]
    fn a_name_that_is_not_one_institution_says_which_it_could_be() {
        let all = [
            choice(1, "南浔区实验小学", Some("3133000001")),
            choice(2, "双林镇实验小学", None),
            choice(3, "双林镇中学", Some("3133000003")),
            choice(4, "双林镇中学", Some("3133000004")),
        ];
        assert_eq!(resolve(&all, "双林镇实验小学"), Ok(InstitutionId(2)));
        assert_eq!(
            resolve(&all, "菱湖中学"),
            Err("没有名称或学校标识码为“菱湖中学”的机构".into())
        );
        assert_eq!(
            resolve(&all, "双林镇实验"),
            Err("没有名称或学校标识码为“双林镇实验”的机构；是否指 双林镇实验小学？".into())
        );
        assert_eq!(
            resolve(&all, "实验小学"),
            Err("“实验小学”对应多个机构：南浔区实验小学（3133000001）、双林镇实验小学。请写出完整名称或学校标识码".into())
        );
        assert_eq!(
            resolve(&all, "双林镇中学"),
            Err("“双林镇中学”对应多个机构：双林镇中学（3133000003）、双林镇中学（3133000004）。请写出完整名称或学校标识码".into())
        );
        assert_eq!(label_of(&all, InstitutionId(9)), "机构 9");
    }
}
