//! The test items (测试项目) of the standard.

platform::text_enum! {
    /// A test item; its label is the item's name in the standard's tables.
    pub enum Item {
        Bmi = "bmi" "体重指数(BMI)",
        VitalCapacity = "vital_capacity" "肺活量",
        Sprint50m = "sprint_50m" "50米跑",
        SitAndReach = "sit_and_reach" "坐位体前屈",
        RopeSkipping = "rope_skipping" "1分钟跳绳",
        SitUps = "sit_ups" "1分钟仰卧起坐",
        Shuttle8x50m = "shuttle_8x50m" "50米×8往返跑",
        StandingLongJump = "standing_long_jump" "立定跳远",
        PullUps = "pull_ups" "引体向上",
        Run1000m = "run_1000m" "1000米跑",
        Run800m = "run_800m" "800米跑",
    }
}

impl Item {
    /// Whether a smaller result is better (the timed runs).
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            Item::Sprint50m | Item::Shuttle8x50m | Item::Run1000m | Item::Run800m
        )
    }

    /// Whether results are written as times (3'30" or 3:30 as well as seconds).
    pub fn is_long_run(self) -> bool {
        matches!(self, Item::Shuttle8x50m | Item::Run1000m | Item::Run800m)
    }
}
