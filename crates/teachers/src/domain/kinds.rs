//! The codes of a staff record, stored as their lowercase words: the
//! vocabulary every part of the teachers area shares.

platform::text_enum! {
    /// 岗位类别.
    pub enum PostCategory {
        Technical = "technical" "专业技术岗位",
        Management = "management" "管理岗位",
        Support = "support" "工勤技能岗位",
    }
}

platform::text_enum! {
    /// 编制情况.
    pub enum Establishment {
        InQuota = "in_quota" "在编",
        OutsideQuota = "outside_quota" "编外聘用",
        Substitute = "substitute" "代课",
    }
}

platform::text_enum! {
    /// 职称系列: which series a teaching title belongs to. The seeds name
    /// titles by series and level (中学高级, 小学高级).
    pub enum TitleSeries {
        Secondary = "secondary" "中学",
        Primary = "primary" "小学",
        Preschool = "preschool" "幼儿园",
        Vocational = "vocational" "中职",
    }
}

platform::text_enum! {
    /// 职称等级 of primary and secondary teachers (中小学教师职称), lowest
    /// first after 未评.
    pub enum TitleLevel {
        None = "none" "未评",
        Third = "third" "三级",
        Second = "second" "二级",
        First = "first" "一级",
        Senior = "senior" "高级",
        Professor = "professor" "正高级",
    }
}

impl TitleLevel {
    /// The level one step up, if any.
    pub fn next(self) -> Option<TitleLevel> {
        let all = TitleLevel::ALL;
        let at = all.iter().position(|l| *l == self)?;
        all.get(at + 1).copied()
    }

    /// Whether going from `self` to `to` is one step up: a promotion never
    /// skips a level. Newly qualified teachers may enter at 二级 or 三级.
    pub fn is_promotion_to(self, to: TitleLevel) -> bool {
        match self {
            TitleLevel::None => matches!(to, TitleLevel::Third | TitleLevel::Second),
            _ => self.next() == Some(to),
        }
    }
}

/// A title as the bureau names it: "中学高级", "小学一级", "正高级".
pub fn title_label(series: Option<TitleSeries>, level: TitleLevel) -> String {
    match (series, level) {
        (_, TitleLevel::None) => TitleLevel::None.label().to_string(),
        (_, TitleLevel::Professor) => "正高级".to_string(),
        (Some(s), l) => format!("{}{}", s.label(), l.label()),
        (None, l) => l.label().to_string(),
    }
}

platform::text_enum! {
    /// 骨干教师层级, highest first.
    pub enum BackboneLevel {
        Special = "special" "特级教师",
        SubjectLeader = "subject_leader" "学科带头人",
        Backbone = "backbone" "骨干教师",
        Expert = "expert" "教学能手",
        Rising = "rising" "教坛新秀",
    }
}

platform::text_enum! {
    /// 岗位变动类别.
    pub enum PostingKind {
        Appointment = "appointment" "任职",
        Transfer = "transfer" "调动",
        Rotation = "rotation" "交流轮岗",
        Support = "support" "支教",
        PairedSupport = "paired_support" "对口支援",
    }
}

platform::text_enum! {
    /// 在职状态.
    pub enum StaffStatus {
        Active = "active" "在职",
        Left = "left" "调出/离职",
        Retired = "retired" "退休",
    }
}

platform::text_enum! {
    /// 荣誉与师德记录类别.
    pub enum HonourKind {
        Honour = "honour" "荣誉",
        EthicsAward = "ethics_award" "师德表彰",
        EthicsViolation = "ethics_violation" "师德失范",
    }
}

platform::text_enum! {
    /// 级别 of an honour or a training project.
    pub enum Level {
        National = "national" "国家级",
        Provincial = "provincial" "省级",
        City = "city" "市级",
        District = "district" "区县级",
        School = "school" "校级",
    }
}

platform::text_enum! {
    /// 年度考核等次.
    pub enum AssessmentGrade {
        Excellent = "excellent" "优秀",
        Competent = "competent" "合格",
        Basic = "basic" "基本合格",
        Incompetent = "incompetent" "不合格",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use platform::text_enum::assert_keys_and_labels_parse_back as parse_back;

    #[test]
    fn every_code_parses_back_from_key_and_label() {
        parse_back::<PostCategory>();
        parse_back::<Establishment>();
        parse_back::<TitleSeries>();
        parse_back::<TitleLevel>();
        parse_back::<BackboneLevel>();
        parse_back::<PostingKind>();
        parse_back::<StaffStatus>();
        parse_back::<HonourKind>();
        parse_back::<Level>();
        parse_back::<AssessmentGrade>();
    }

    #[test]
    fn a_promotion_is_one_level_up() {
        use TitleLevel::*;
        assert!(Second.is_promotion_to(First));
        assert!(First.is_promotion_to(Senior));
        assert!(Senior.is_promotion_to(Professor));
        assert!(!Second.is_promotion_to(Senior));
        assert!(!First.is_promotion_to(First));
        assert!(!Senior.is_promotion_to(First));
        assert!(!Professor.is_promotion_to(Professor));
        assert!(None.is_promotion_to(Second));
        assert!(None.is_promotion_to(Third));
        assert!(!None.is_promotion_to(First));
        assert_eq!(Third.next(), Some(Second));
        assert_eq!(Professor.next(), Option::None);
    }

    #[test]
    fn titles_read_as_the_bureau_writes_them() {
        use TitleLevel as L;
        let s = Some(TitleSeries::Secondary);
        assert_eq!(title_label(s, L::Senior), "中学高级");
        assert_eq!(
            title_label(Some(TitleSeries::Primary), L::Senior),
            "小学高级"
        );
        assert_eq!(title_label(s, L::Professor), "正高级");
        assert_eq!(title_label(s, L::None), "未评");
        assert_eq!(title_label(None, L::First), "一级");
    }
}
