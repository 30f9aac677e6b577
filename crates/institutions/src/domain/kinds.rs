use serde::{Deserialize, Serialize};

/// 举办性质: who runs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ownership {
    /// 公办
    Public,
    /// 民办
    Private,
    /// 普惠性民办 (private kindergarten certified as affordable)
    PrivateInclusive,
}

impl Ownership {
    pub const ALL: [Ownership; 3] = [
        Ownership::Public,
        Ownership::Private,
        Ownership::PrivateInclusive,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Ownership::Public => "public",
            Ownership::Private => "private",
            Ownership::PrivateInclusive => "private_inclusive",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Ownership::Public => "公办",
            Ownership::Private => "民办",
            Ownership::PrivateInclusive => "普惠性民办",
        }
    }

    /// Accepts the key or the Chinese label.
    pub fn parse(s: &str) -> Option<Ownership> {
        Ownership::ALL
            .into_iter()
            .find(|o| o.key() == s || o.label() == s)
    }
}

/// 办学许可: whether the institution holds a licence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Licence {
    /// 已取得办学许可
    Licensed,
    /// 无证 (unlicensed, tracked until closed or licensed)
    Unlicensed,
}

impl Licence {
    pub fn key(self) -> &'static str {
        match self {
            Licence::Licensed => "licensed",
            Licence::Unlicensed => "unlicensed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Licence::Licensed => "有证",
            Licence::Unlicensed => "无证",
        }
    }

    pub fn parse(s: &str) -> Option<Licence> {
        [Licence::Licensed, Licence::Unlicensed]
            .into_iter()
            .find(|l| l.key() == s || l.label() == s)
    }
}

/// 办学状态.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 正常办学
    Active,
    /// 停办
    Suspended,
    /// 已撤销/关闭
    Closed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::Suspended, Status::Closed];

    pub fn key(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Suspended => "suspended",
            Status::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "正常办学",
            Status::Suspended => "停办",
            Status::Closed => "已撤销",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|o| o.key() == s || o.label() == s)
    }
}

/// The kind of institution a bureau user thinks in, derived from the
/// JY/T 1001 办学类型 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Kindergarten,
    Primary,
    Junior,
    NineYear,
    Senior,
    Vocational,
    Special,
    Community,
    Training,
    Other,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Kindergarten,
        Category::Primary,
        Category::Junior,
        Category::NineYear,
        Category::Senior,
        Category::Vocational,
        Category::Special,
        Category::Community,
        Category::Training,
        Category::Other,
    ];

    pub fn of_school_type(code: &str) -> Category {
        match code {
            c if c.starts_with("11") => Category::Kindergarten,
            c if c.starts_with("21") => Category::Primary,
            "311" | "319" => Category::Junior,
            "312" => Category::NineYear,
            c if c.starts_with("34") => Category::Senior,
            c if platform::vocab::is_vocational_school(c) => Category::Vocational,
            c if c.starts_with('5') => Category::Special,
            "932" => Category::Community,
            "931" | "933" => Category::Training,
            _ => Category::Other,
        }
    }

    /// The 办学类型 codes that make up this category (for filtering).
    pub fn school_type_prefixes(self) -> &'static [&'static str] {
        match self {
            Category::Kindergarten => &["11"],
            Category::Primary => &["21"],
            Category::Junior => &["311", "319"],
            Category::NineYear => &["312"],
            Category::Senior => &["34"],
            Category::Vocational => &[platform::vocab::VOCATIONAL_SCHOOL_TYPES],
            Category::Special => &["5"],
            Category::Community => &["932"],
            Category::Training => &["931", "933"],
            Category::Other => &["22", "32", "33", "35", "37", "4", "91", "92"],
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Category::Kindergarten => "kindergarten",
            Category::Primary => "primary",
            Category::Junior => "junior",
            Category::NineYear => "nine_year",
            Category::Senior => "senior",
            Category::Vocational => "vocational",
            Category::Special => "special",
            Category::Community => "community",
            Category::Training => "training",
            Category::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Kindergarten => "幼儿园",
            Category::Primary => "小学",
            Category::Junior => "初中",
            Category::NineYear => "九年一贯制",
            Category::Senior => "高中",
            Category::Vocational => "中职",
            Category::Special => "特殊教育",
            Category::Community => "社区学校",
            Category::Training => "培训机构",
            Category::Other => "其他",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL
            .into_iter()
            .find(|c| c.key() == s || c.label() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_school_type_codes() {
        assert_eq!(Category::of_school_type("111"), Category::Kindergarten);
        assert_eq!(Category::of_school_type("211"), Category::Primary);
        assert_eq!(Category::of_school_type("312"), Category::NineYear);
        assert_eq!(Category::of_school_type("341"), Category::Senior);
        assert_eq!(Category::of_school_type("365"), Category::Vocational);
        assert_eq!(Category::of_school_type("514"), Category::Special);
        assert_eq!(Category::of_school_type("933"), Category::Training);
        for c in Category::ALL {
            assert_eq!(Category::parse(c.key()), Some(c));
            assert_eq!(Category::parse(c.label()), Some(c));
        }
    }

    #[test]
    fn every_leaf_code_has_a_category_matching_its_prefixes() {
        for t in platform::codes::school_types()
            .iter()
            .filter(|t| t.level == "细类")
        {
            let c = Category::of_school_type(&t.code);
            assert!(
                c.school_type_prefixes()
                    .iter()
                    .any(|p| t.code.starts_with(p)),
                "{} {} -> {:?}",
                t.code,
                t.name,
                c
            );
        }
    }

    #[test]
    fn labels_parse_back() {
        for o in Ownership::ALL {
            assert_eq!(Ownership::parse(o.label()), Some(o));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.label()), Some(s));
        }
        assert_eq!(Licence::parse("无证"), Some(Licence::Unlicensed));
    }
}
