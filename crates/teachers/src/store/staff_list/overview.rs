//! The figures of the area's start page (/teachers): people in post, 专任教师,
//! by 编制, by 职称 and by 骨干 level, in the caller's scope.

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};
use serde::Serialize;

use crate::domain::{BackboneLevel, Establishment, TitleLevel};

/// Active staff of a scope, counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Overview {
    /// 在职教职工.
    pub staff: i64,
    /// 专任教师.
    pub full_time: i64,
    /// Every 编制 with its people (zero included), in code order.
    pub by_establishment: Vec<(Establishment, i64)>,
    /// Full-time teachers by 职称等级, lowest first (zero included).
    pub by_title: Vec<(TitleLevel, i64)>,
    /// Full-time teachers by 骨干 level, highest first (zero included).
    pub by_backbone: Vec<(BackboneLevel, i64)>,
}

/// One group of the count: (编制, 职称等级, 专任, 骨干, people).
type Group = (Establishment, TitleLevel, bool, Option<BackboneLevel>, i64);

/// The figures from the grouped count.
pub fn summarise(groups: &[Group]) -> Overview {
    let sum = |keep: &dyn Fn(&Group) -> bool| groups.iter().filter(|g| keep(g)).map(|g| g.4).sum();
    Overview {
        staff: sum(&|_| true),
        full_time: sum(&|g| g.2),
        by_establishment: Establishment::ALL
            .iter()
            .map(|e| (*e, sum(&|g| g.0 == *e)))
            .collect(),
        by_title: TitleLevel::ALL
            .iter()
            .map(|t| (*t, sum(&|g| g.2 && g.1 == *t)))
            .collect(),
        by_backbone: BackboneLevel::ALL
            .iter()
            .map(|b| (*b, sum(&|g| g.2 && g.3 == Some(*b))))
            .collect(),
    }
}

/// The figures of the people who work in `scope` now.
pub async fn overview(db: &Db, scope: &Scope) -> Result<Overview, DbError> {
    let groups: Vec<Group> = db
        .fetch_all(
            scope
                .restrict(
                    Sql::new("SELECT s.establishment, s.title_level, s.full_time, s.backbone_level, COUNT(*) FROM teachers_staff s WHERE s.status = 'active'"),
                    "s.workplace_id",
                )
                .push(" GROUP BY s.establishment, s.title_level, s.full_time, s.backbone_level"),
        )
        .await?;
    Ok(summarise(&groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_add_up_by_each_breakdown() {
        use Establishment::*;
        let groups = [
            (
                InQuota,
                TitleLevel::Senior,
                true,
                Some(BackboneLevel::Special),
                2,
            ),
            (InQuota, TitleLevel::First, true, None, 10),
            (
                OutsideQuota,
                TitleLevel::First,
                true,
                Some(BackboneLevel::Expert),
                3,
            ),
            (Substitute, TitleLevel::None, true, None, 4),
            (
                InQuota,
                TitleLevel::None,
                false,
                Some(BackboneLevel::Rising),
                5,
            ),
        ];
        let o = summarise(&groups);
        assert_eq!(o.staff, 24);
        assert_eq!(o.full_time, 19);
        assert_eq!(
            o.by_establishment,
            vec![(InQuota, 17), (OutsideQuota, 3), (Substitute, 4)]
        );
        let title = |t| o.by_title.iter().find(|(x, _)| *x == t).map(|(_, n)| *n);
        assert_eq!(title(TitleLevel::First), Some(13));
        assert_eq!(
            title(TitleLevel::None),
            Some(4),
            "non-teaching staff are not counted"
        );
        assert_eq!(title(TitleLevel::Professor), Some(0));
        let backbone = |b| o.by_backbone.iter().find(|(x, _)| *x == b).map(|(_, n)| *n);
        assert_eq!(backbone(BackboneLevel::Special), Some(2));
        assert_eq!(backbone(BackboneLevel::Expert), Some(3));
        assert_eq!(backbone(BackboneLevel::Rising), Some(0));
        assert_eq!(summarise(&[]).staff, 0);
        assert_eq!(summarise(&[]).by_title.len(), TitleLevel::ALL.len());
    }
}
