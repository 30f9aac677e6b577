//! Priority tiers (入学顺位): who comes first at a school. Lower is better.

/// What an application claims that decides its tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// 户籍 in this district.
    pub hukou_local: bool,
    /// 房产: the family owns its home (in the community given).
    pub owns_home: bool,
    /// 居住证 or 随迁子女 (children of migrant workers).
    pub residence_permit: bool,
}

/// The tier of an applicant at a school:
/// 1 户籍+房产 in the catchment, 2 户籍 in the catchment, 3 居住证/随迁子女 in
/// the catchment, 4 everyone else. A private school under 公民同招 ranks all
/// applicants alike (tier 1) and admits by lottery when oversubscribed.
pub fn tier(f: Facts, in_catchment: bool, private_lottery: bool) -> u8 {
    if private_lottery {
        return 1;
    }
    match (in_catchment, f.hukou_local, f.owns_home, f.residence_permit) {
        (true, true, true, _) => 1,
        (true, true, false, _) => 2,
        (true, false, _, true) => 3,
        _ => 4,
    }
}

pub fn tier_label(t: u8) -> &'static str {
    match t {
        1 => "第一顺位（学区内户籍+房产）",
        2 => "第二顺位（学区内户籍）",
        3 => "第三顺位（学区内居住证/随迁子女）",
        _ => "第四顺位（其他）",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCAL_OWNER: Facts = Facts {
        hukou_local: true,
        owns_home: true,
        residence_permit: false,
    };
    const LOCAL_TENANT: Facts = Facts {
        hukou_local: true,
        owns_home: false,
        residence_permit: false,
    };
    const MIGRANT: Facts = Facts {
        hukou_local: false,
        owns_home: false,
        residence_permit: true,
    };

    #[test]
    fn tiers_follow_the_plan() {
        assert_eq!(tier(LOCAL_OWNER, true, false), 1);
        assert_eq!(tier(LOCAL_TENANT, true, false), 2);
        assert_eq!(tier(MIGRANT, true, false), 3);
        assert_eq!(tier(LOCAL_OWNER, false, false), 4, "outside the catchment");
        assert_eq!(tier(MIGRANT, false, true), 1, "private schools: all alike");
    }
}
