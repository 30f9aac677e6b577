//! The vocabulary every part of the construction area shares.

platform::text_enum! {
    /// 项目类型: the kinds of project the seeds name.
    pub enum ProjectKind {
        NewBuild = "new_build" "新建",
        Extension = "extension" "改扩建",
        Reinforcement = "reinforcement" "校安加固",
        DangerousRebuild = "dangerous_rebuild" "危房改造",
        Repair = "repair" "维修",
        PublicSupporting = "public_supporting" "公建配套",
    }
}

platform::text_enum! {
    /// 项目阶段, in the order a project goes through them.
    pub enum Phase {
        Approval = "approval" "立项",
        DesignTender = "design_tender" "设计招标",
        CostConsulting = "cost_consulting" "造价咨询",
        ConstructionTender = "construction_tender" "施工招标",
        Construction = "construction" "施工",
        Acceptance = "acceptance" "竣工验收",
        Handover = "handover" "交付使用",
    }
}

platform::text_enum! {
    /// 项目状态.
    pub enum ProjectStatus {
        Active = "active" "在建",
        Completed = "completed" "已完成",
        Cancelled = "cancelled" "已撤销",
    }
}

impl Phase {
    /// The phase's place in a project, 1 (立项) to 7 (交付使用).
    pub fn seq(self) -> i64 {
        Phase::ALL
            .iter()
            .position(|p| *p == self)
            .map_or(0, |i| i as i64 + 1)
    }
}
