//! Pure rules of progress reports (形象进度): percentages in tenths, the
//! work items a report names, what a new report may say after the ones
//! before it, photos checked by their content, stalled projects and late
//! phases.

mod percent;
mod photo;
mod report;
mod watch;

#[cfg(test)]
mod tests;

pub use percent::Tenths;
pub use photo::{
    check_dimensions, sniff, PhotoType, MAX_PHOTOS, MAX_PHOTO_BYTES, MAX_PIXELS, MAX_SIDE,
    THUMB_SIDE,
};
pub use report::{check_report, Draft, Earlier, ItemProgress};
pub use watch::{is_late, is_stalled, on_time, DEFAULT_STALLED_DAYS};

platform::typed_id!(
    /// A progress report (形象进度报告).
    ReportId
);

platform::typed_id!(
    /// A photo of a progress report.
    PhotoId
);

platform::typed_id!(
    /// A construction project (建设项目), a row of `construction_projects`.
    ProjectId
);

platform::text_enum! {
    /// 工程部位: the work items a progress report gives a percentage for.
    pub enum WorkItem {
        Foundation = "foundation" "基础工程",
        MainStructure = "main_structure" "主体",
        ExteriorWall = "exterior_wall" "外墙",
        InteriorPlaster = "interior_plaster" "内墙抹灰",
        Utilities = "utilities" "水电安装",
        Decoration = "decoration" "装饰装修",
        Outdoor = "outdoor" "室外工程",
        Equipment = "equipment" "设施设备",
    }
}
