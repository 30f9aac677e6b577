//! What the account pages and the API show of an account, and the list's
//! filter as both receive it.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::auth::users::UserRow;
use crate::auth::Role;
use crate::web::directory::{self, InstitutionChoice};
use crate::web::forms::{empty_as_none, non_empty};
use crate::web::pager::Filters;

use super::rules::{self, InstitutionPick};
use super::store::Criteria;

/// An account as an administrator sees it (never its password hash).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// `leadership`, `section`, `inspector` or `institution`.
    pub role: String,
    /// For `section`: the section's key, e.g. `information`.
    pub section: Option<String>,
    /// The role in Chinese, e.g. 科室人员（信息中心）.
    pub role_label: String,
    pub institution_id: Option<i64>,
    pub institution_name: Option<String>,
    pub active: bool,
    pub must_change_password: bool,
    /// Beijing time.
    #[schema(value_type = String, format = DateTime)]
    pub created_at: DateTime<FixedOffset>,
    /// Send it back with any change; a stale one is refused with 409.
    pub version: i64,
}

impl AccountView {
    pub fn new(r: &UserRow, institutions: &[InstitutionChoice]) -> Self {
        let role = Role::from_parts(&r.role, r.section.as_deref());
        AccountView {
            id: r.id.0,
            username: r.username.clone(),
            display_name: r.display_name.clone(),
            role: r.role.clone(),
            section: r.section.clone(),
            role_label: role.map_or_else(|| r.role.clone(), Role::label),
            institution_id: r.institution_id.map(|i| i.0),
            institution_name: r
                .institution_id
                .map(|i| directory::label_of(institutions, i)),
            active: r.active,
            must_change_password: r.must_change_password,
            created_at: crate::time::local(r.created_at),
            version: r.version,
        }
    }

    /// The value of the role drop-down for this account.
    pub fn role_value(&self) -> String {
        match &self.section {
            Some(s) => format!("section:{s}"),
            None => self.role.clone(),
        }
    }
}

/// The list's filter, from the page's form or the API's query string.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct AccountQuery {
    /// Part of the user name or the person's name.
    pub q: Option<String>,
    /// `leadership`, `inspector`, `institution` or `section:<key>`.
    pub role: Option<String>,
    /// The institution by name or 学校标识码 (as the page's picker sends it).
    pub institution: Option<String>,
    /// The institution by id (for API clients).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
    /// `active` or `disabled`.
    pub status: Option<String>,
    /// 1-based.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub page: Option<i64>,
}

/// The institution a form, filter or request named, by label or by id.
pub fn pick_institution(
    typed: Option<&str>,
    id: Option<i64>,
    all: &[InstitutionChoice],
) -> InstitutionPick {
    if let Some(id) = id {
        return match all.iter().find(|c| c.id.0 == id) {
            Some(c) => InstitutionPick::Found(c.id),
            None => InstitutionPick::Unknown(id.to_string()),
        };
    }
    match typed.map(str::trim).filter(|t| !t.is_empty()) {
        None => InstitutionPick::Blank,
        Some(t) => match directory::find(all, t) {
            Some(id) => InstitutionPick::Found(id),
            None => InstitutionPick::Unknown(t.to_string()),
        },
    }
}

impl AccountQuery {
    /// The store's criteria, or why the filter matches nothing.
    pub fn criteria(&self, all: &[InstitutionChoice]) -> Result<Criteria, String> {
        let role = match non_empty(&self.role) {
            None => None,
            Some(v) => Some(rules::parse_role(v).ok_or_else(|| format!("未知的角色“{v}”"))?),
        };
        let institution =
            match pick_institution(self.institution.as_deref(), self.institution_id, all) {
                InstitutionPick::Blank => None,
                InstitutionPick::Found(id) => Some(id),
                InstitutionPick::Unknown(t) => return Err(format!("未找到机构“{t}”")),
            };
        let active = match non_empty(&self.status) {
            None => None,
            Some("active") => Some(true),
            Some("disabled") => Some(false),
            Some(other) => return Err(format!("未知的状态“{other}”")),
        };
        Ok(Criteria {
            text: non_empty(&self.q).map(str::to_string),
            role,
            institution,
            active,
            page: self.page.unwrap_or(1).max(1),
        })
    }

    /// The filter as query pairs, for the pager's links.
    pub fn filters(&self) -> Filters {
        Filters::new()
            .with("q", self.q.as_ref())
            .with("role", self.role.as_ref())
            .with("institution", self.institution.as_ref())
            .with("status", self.status.as_ref())
            .with("institution_id", self.institution_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Section;
    use crate::ids::InstitutionId;

    fn all() -> Vec<InstitutionChoice> {
        vec![InstitutionChoice {
            id: InstitutionId(5),
            name: "南浔区实验小学".into(),
            code: Some("3133000001".into()),
        }]
    }

    #[test]
    fn the_filter_becomes_criteria_or_says_why_nothing_matches() {
        let q = AccountQuery {
            q: Some(" 王 ".into()),
            role: Some("section:information".into()),
            institution: Some("南浔区实验小学".into()),
            status: Some("disabled".into()),
            page: Some(0),
            ..Default::default()
        };
        let c = q.criteria(&all()).expect("valid");
        assert_eq!(c.text.as_deref(), Some("王"));
        assert_eq!(c.role, Some(Role::Section(Section::Information)));
        assert_eq!(c.institution, Some(InstitutionId(5)));
        assert_eq!((c.active, c.page), (Some(false), 1));
        let by_id = AccountQuery {
            institution_id: Some(5),
            ..Default::default()
        };
        assert_eq!(
            by_id.criteria(&all()).expect("id").institution,
            Some(InstitutionId(5))
        );
        let missing = AccountQuery {
            institution: Some("无此校".into()),
            ..Default::default()
        };
        assert_eq!(missing.criteria(&all()), Err("未找到机构“无此校”".into()));
        let missing = AccountQuery {
            institution_id: Some(9),
            ..Default::default()
        };
        assert!(missing.criteria(&all()).is_err());
        let bad = AccountQuery {
            role: Some("root".into()),
            ..Default::default()
        };
        assert!(bad.criteria(&all()).is_err());
        let bad = AccountQuery {
            status: Some("gone".into()),
            ..Default::default()
        };
        assert!(bad.criteria(&all()).is_err());
        assert_eq!(
            AccountQuery::default().criteria(&all()),
            Ok(Criteria {
                page: 1,
                ..Default::default()
            })
        );
    }

    #[test]
    fn page_links_keep_the_filter() {
        let q = AccountQuery {
            role: Some("institution".into()),
            institution: Some("南浔区实验小学".into()),
            q: Some(String::new()),
            ..Default::default()
        };
        let link = q.filters().href("/accounts", 3);
        assert!(
            link.starts_with("/accounts?role=institution&institution="),
            "{link}"
        );
        assert!(link.ends_with("&page=3"), "{link}");
        assert!(!link.contains("q="), "{link}");
    }
}
