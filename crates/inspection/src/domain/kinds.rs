//! The vocabulary every part of the mechanism and the three areas on it
//! share.

use platform::auth::WorkArea;

platform::typed_id!(
    /// One version of an indicator framework (评估标准).
    FrameworkId
);
platform::typed_id!(
    /// A campaign (一次督导评估、年检或检查).
    CampaignId
);
platform::typed_id!(
    /// A rectification order (整改通知书).
    OrderId
);
platform::typed_id!(
    /// An evidence file (佐证材料).
    EvidenceId
);

platform::text_enum! {
    /// The area a framework, campaign, order or file belongs to; its
    /// sections write it.
    pub enum Owner {
        Supervision = "supervision" "教育督导",
        Private = "private" "民办教育",
        Safety = "safety" "校园安全",
    }
}

impl Owner {
    /// The work area whose permissions govern the record.
    pub fn work_area(self) -> WorkArea {
        match self {
            Owner::Supervision => WorkArea::Supervision,
            Owner::Private => WorkArea::PrivateEducation,
            Owner::Safety => WorkArea::Safety,
        }
    }
}

platform::text_enum! {
    /// What a framework is used for.
    pub enum Purpose {
        Development = "development" "发展性督导",
        Special = "special" "专项督导",
        AnnualInspection = "annual_inspection" "民办学校年检",
        KindergartenGrading = "kindergarten_grading" "幼儿园等级验收",
        SafetyCheck = "safety_check" "安全检查",
    }
}

platform::text_enum! {
    /// Where a rectification order's finding came from.
    pub enum Source {
        Campaign = "campaign" "评估检查",
        Visit = "visit" "责任督学挂牌督导",
        Hazard = "hazard" "安全隐患",
        Check = "check" "专项检查",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_owner_maps_to_its_own_work_area() {
        assert_eq!(Owner::Supervision.work_area(), WorkArea::Supervision);
        assert_eq!(Owner::Private.work_area(), WorkArea::PrivateEducation);
        assert_eq!(Owner::Safety.work_area(), WorkArea::Safety);
    }
}
