//! The area's published figures (指标), by district, township or
//! institution:
//!
//! - 消除危房面积 (m²): dangerous-building area removed by the projects of
//!   the period's years (by the project's township or institution).
//! - 项目按期完成率 (%): of the projects handed over (交付使用 finished) in the
//!   period, the share that finished it by its planned end.
//! - 在建项目数 (个): projects in construction (status 在建) begun by the
//!   day's year.
//! - 规划建筑面积 (m²): planned floor area of the period's projects.
//! - 危房面积 (m²): floor area of the D级 buildings still in the register.
//! - 校舍建筑面积 (m²) and 生均校舍面积 (m² per pupil on roll on the day).
//! - 教学装备资产总值 (元): the equipment and asset register's value.

use chrono::Datelike;
use platform::area::{ratio, Indicator, IndicatorQuery, IndicatorValue};
use platform::db::{Db, DbError, Sql};

use super::progress::indicators::{of_years, on_time_rate, projects};
use crate::store::estate::indicators::{dangerous_area, equipment_value, floor_area};

async fn floor_area_per_pupil(db: &Db, q: &IndicatorQuery) -> Result<Vec<IndicatorValue>, DbError> {
    let area = floor_area(db, q).await?;
    Ok(ratio(
        &area,
        students::indicators::enrolled(db, q).await?,
        1.0,
    ))
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "construction.dangerous_area_removed",
        name: "消除危房面积",
        unit: "平方米",
        definition: "期间所含年度的建设项目（已撤销的除外）登记的消除危房面积之和，按项目所在乡镇（街道）或学校计",
        compute: |db, q| Box::pin(projects(db, q, "SUM(p.dangerous_area_removed)", "", of_years(q))),
    },
    Indicator {
        key: "construction.on_time_rate",
        name: "项目按期完成率",
        unit: "%",
        definition: "期间内完成“交付使用”阶段的项目中，实际完成日期不晚于计划完成日期（未定计划的视为按期）者所占百分比",
        compute: |db, q| Box::pin(on_time_rate(db, q)),
    },
    Indicator {
        key: "construction.active_projects",
        name: "在建项目数",
        unit: "个",
        definition: "状态为“在建”、立项年度不晚于当日所在年度的建设项目数",
        compute: |db, q| {
            Box::pin(projects(
                db,
                q,
                "COUNT(*)",
                "",
                Sql::new("p.status = 'active' AND p.year <= ").bind(i64::from(q.on.year())),
            ))
        },
    },
    Indicator {
        key: "construction.planned_floor_area",
        name: "规划建筑面积",
        unit: "平方米",
        definition: "期间所含年度的建设项目（已撤销的除外）的规划建筑面积之和",
        compute: |db, q| Box::pin(projects(db, q, "SUM(p.planned_floor_area)", "", of_years(q))),
    },
    Indicator {
        key: "construction.dangerous_area",
        name: "危房面积",
        unit: "平方米",
        definition: "正常办学机构校舍登记中安全鉴定为D级（危房）的校舍建筑面积之和",
        compute: |db, q| Box::pin(dangerous_area(db, q)),
    },
    Indicator {
        key: "construction.floor_area",
        name: "校舍建筑面积",
        unit: "平方米",
        definition: "正常办学机构校舍登记中全部校舍的建筑面积之和",
        compute: |db, q| Box::pin(floor_area(db, q)),
    },
    Indicator {
        key: "construction.floor_area_per_pupil",
        name: "生均校舍面积",
        unit: "平方米/生",
        definition: "校舍建筑面积 ÷ 当日在籍学生数（无在籍学生的单位不计）",
        compute: |db, q| Box::pin(floor_area_per_pupil(db, q)),
    },
    Indicator {
        key: "construction.equipment_value",
        name: "教学装备资产总值",
        unit: "元",
        definition: "正常办学机构装备与资产登记的资产价值之和",
        compute: |db, q| Box::pin(equipment_value(db, q)),
    },
];
