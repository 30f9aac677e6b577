//! Pure rules of the network of community education (社区教育网络): what a
//! teaching point (教学点) record must say, and how a community school's
//! standardisation status (标准化社区学校: 达标 / 未达标 / 创建中) may move.

use platform::error::FieldError;
use platform::vocab::check::{Checker, Field};
use serde::{Deserialize, Serialize};

platform::typed_id!(
    /// A teaching point (教学点) of a community school.
    TeachingPointId
);

platform::text_enum! {
    /// Whether a teaching point holds classes.
    pub enum PointStatus {
        Active = "active" "开放",
        Suspended = "suspended" "暂停",
    }
}

platform::text_enum! {
    /// A community school's standardisation status (标准化社区学校).
    pub enum StandardStatus {
        Met = "met" "达标",
        Unmet = "unmet" "未达标",
        Building = "building" "创建中",
    }
}

/// The earliest and latest assessment years accepted.
pub const FIRST_YEAR: i64 = 2000;
pub const LAST_YEAR: i64 = 2100;

/// Whether a school may move from `from` (None: never assessed) to `to`.
/// A school reaches 达标 only through 创建中; one that met the standard can
/// lose it at a review (达标 → 未达标), and a creation can be given up
/// (创建中 → 未达标). Confirming the same status again is a review too.
pub fn may_move(from: Option<StandardStatus>, to: StandardStatus) -> bool {
    use StandardStatus::*;
    match (from, to) {
        (None, _) => true,
        (Some(a), b) if a == b => true,
        (Some(Unmet), Building) | (Some(Building), Met) => true,
        (Some(Met), Unmet) | (Some(Building), Unmet) => true,
        (Some(Unmet), Met) | (Some(Met), Building) => false,
        (Some(_), _) => false,
    }
}

/// Why a move is refused, in the words of the form.
pub fn refusal(from: StandardStatus, to: StandardStatus) -> String {
    format!(
        "标准化状态不能从“{}”直接改为“{}”（未达标的学校须先进入创建中）",
        from.label(),
        to.label()
    )
}

/// An assessment's year must not go back before the school's last one.
pub fn year_in_order(last: Option<i64>, year: i64) -> bool {
    last.is_none_or(|l| year >= l)
}

/// A teaching point as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TeachingPointInput {
    /// The community school it belongs to (a school's own account: its own).
    pub institution_id: Option<i64>,
    pub name: String,
    /// The township (乡镇/街道) it is in.
    pub township_id: Option<i64>,
    /// The neighbourhood committee or village (社区/村).
    pub community: String,
    pub address: String,
    /// `active` (default) or `suspended`.
    pub status: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeachingPointDraft {
    pub name: String,
    pub township_id: i64,
    pub community: String,
    pub address: String,
    pub status: PointStatus,
}

pub const MAX_NAME: usize = 60;
pub const MAX_ADDRESS: usize = 200;

impl TeachingPointInput {
    pub fn parse(&self) -> Result<TeachingPointDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.required_text(Field::new("name", "教学点名称"), &self.name, MAX_NAME);
        let community = c.required_text(
            Field::new("community", "所在社区（村）"),
            &self.community,
            MAX_NAME,
        );
        let address = c.text(Field::new("address", "地址"), &self.address, MAX_ADDRESS);
        let status = if self.status.trim().is_empty() {
            Some(PointStatus::Active)
        } else {
            c.parsed(Field::new("status", "状态"), &self.status, |v| {
                PointStatus::parse(v).ok_or("应为“开放”或“暂停”")
            })
        };
        if self.township_id.is_none() {
            c.custom("township_id", "请选择所在乡镇（街道）");
        }
        let draft = match (self.township_id, status) {
            (Some(township_id), Some(status)) => Some(TeachingPointDraft {
                name: name.to_string(),
                township_id,
                community: community.to_string(),
                address: address.to_string(),
                status,
            }),
            _ => None,
        };
        match draft {
            Some(d) => c.finish(d),
            None => Err(c.into_errors()),
        }
    }
}

/// A standardisation assessment as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StandardInput {
    pub institution_id: Option<i64>,
    /// `met`, `unmet` or `building`.
    pub status: String,
    pub year: String,
    /// The evidence the assessment rests on (验收材料、复核意见).
    pub note: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StandardDraft {
    pub status: StandardStatus,
    pub year: i64,
    pub note: String,
}

impl StandardInput {
    pub fn parse(&self) -> Result<StandardDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let status = c.parsed(Field::new("status", "标准化状态"), &self.status, |v| {
            StandardStatus::parse(v).ok_or("应为“达标”“未达标”或“创建中”")
        });
        if self.status.trim().is_empty() {
            c.custom("status", "请选择标准化状态");
        }
        let year = c.int(
            Field::new("year", "年度"),
            &self.year,
            FIRST_YEAR..=LAST_YEAR,
        );
        if self.year.trim().is_empty() {
            c.custom("year", "请填写年度");
        }
        let note = c.text(Field::new("note", "依据说明"), &self.note, 500);
        match (status, year) {
            (Some(status), Some(year)) => c.finish(StandardDraft {
                status,
                year,
                note: note.to_string(),
            }),
            _ => Err(c.into_errors()),
        }
    }
}

#[cfg(test)]
#[path = "network_tests.rs"]
mod tests;
