//! Pure rules of school buildings (校舍) and the 危房 list, equipment and
//! assets, procurement and joint acceptance.

pub mod assets;
pub mod buildings;
pub mod procurement;

pub use assets::{check_movement, moved_value, AssetInput, MovementInput};
pub use buildings::{
    appraisal_due, appraisal_overdue, overdue_cutoff, BuildingInput, BuildingText,
};
pub use procurement::{AcceptanceInput, PurchaseInput};

platform::typed_id!(
    /// A 校舍.
    BuildingId
);
platform::typed_id!(
    /// A line of the 资产 register.
    AssetId
);
platform::typed_id!(
    /// A 采购 item.
    PurchaseId
);

platform::text_enum! {
    /// 结构类型.
    pub enum Structure {
        BrickConcrete = "brick_concrete" "砖混",
        Frame = "frame" "框架",
        Steel = "steel" "钢结构",
        BrickWood = "brick_wood" "砖木",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// 校舍用途.
    pub enum BuildingUse {
        Teaching = "teaching" "教学",
        Dormitory = "dormitory" "宿舍",
        Canteen = "canteen" "食堂",
        Office = "office" "办公",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// 安全鉴定等级 (校舍安全鉴定): D级 is a 危房.
    pub enum SafetyGrade {
        A = "A" "A级",
        B = "B" "B级",
        C = "C" "C级",
        D = "D" "D级",
    }
}

platform::text_enum! {
    /// 产权证 status.
    pub enum CertificateStatus {
        Held = "held" "已办证",
        Pending = "pending" "办理中",
        None = "none" "未办证",
    }
}

platform::text_enum! {
    /// 资产类别 of the equipment register and of procurement.
    pub enum AssetCategory {
        Multimedia = "multimedia" "多媒体教室",
        Computer = "computer" "计算机",
        Laboratory = "laboratory" "实验室",
        Books = "books" "图书",
        ArVr = "ar_vr" "AR/VR",
        Sports = "sports" "体育器材",
        Furniture = "furniture" "课桌椅",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// 资产变动: 报废 or 调拨.
    pub enum MovementKind {
        Disposal = "disposal" "报废",
        Transfer = "transfer" "调拨",
    }
}

platform::text_enum! {
    /// 联合验收结论.
    pub enum AcceptanceResult {
        Pass = "pass" "合格",
        Fail = "fail" "不合格",
    }
}

impl SafetyGrade {
    /// D级: a 危房.
    pub fn is_dangerous(self) -> bool {
        self == SafetyGrade::D
    }
}

#[cfg(test)]
mod tests {
    use platform::text_enum::assert_keys_and_labels_parse_back;

    use super::*;

    #[test]
    fn every_code_parses_back_from_key_and_label() {
        assert_keys_and_labels_parse_back::<Structure>();
        assert_keys_and_labels_parse_back::<BuildingUse>();
        assert_keys_and_labels_parse_back::<SafetyGrade>();
        assert_keys_and_labels_parse_back::<CertificateStatus>();
        assert_keys_and_labels_parse_back::<AssetCategory>();
        assert_keys_and_labels_parse_back::<MovementKind>();
        assert_keys_and_labels_parse_back::<AcceptanceResult>();
    }

    #[test]
    fn only_grade_d_is_dangerous() {
        assert!(SafetyGrade::D.is_dangerous());
        for g in [SafetyGrade::A, SafetyGrade::B, SafetyGrade::C] {
            assert!(!g.is_dangerous(), "{g:?}");
        }
    }
}
