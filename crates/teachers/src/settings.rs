//! The teachers area's bureau settings (局设置), read by several parts: the
//! continuing-education cycle and its required hours, and the share of
//! 优秀 in an institution's annual assessment.

use platform::settings::Setting;

/// 继续教育周期首年: the first year of the current five-year cycle.
pub const CE_CYCLE_FIRST_YEAR: Setting = Setting {
    key: "teachers.ce_cycle_first_year",
    label: "继续教育本周期起始年份（五年一周期）",
    default: "2022",
};

/// 继续教育周期学时要求: hours a teacher must earn in one cycle; the
/// national minimum is 360.
pub const CE_REQUIRED_HOURS: Setting = Setting {
    key: "teachers.ce_required_hours",
    label: "每周期继续教育学时要求（国家规定不少于360学时）",
    default: "360",
};

/// 年度考核优秀比例上限, in percent of the institution's assessed staff.
pub const EXCELLENT_QUOTA_PERCENT: Setting = Setting {
    key: "teachers.excellent_quota_percent",
    label: "年度考核优秀等次比例上限（%）",
    default: "20",
};
