//! The filtered staff list as a workbook: exactly what the list shows,
//! every page; national IDs in full only for roles that see personal
//! details. Exports of personal data are audited.

use axum::extract::{Query, State};
use platform::audit;
use platform::auth::Caller;
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::web::{directory, file_response, AppState};
use platform::{AppError, InstitutionId, PageResult};

use super::list::{pick, Picked};
use super::reader::StaffListReader;
use super::view;
use crate::store::staff_list::StaffFilter;

const HEADERS: [&str; 13] = [
    "姓名",
    "身份证件号",
    "性别",
    "出生日期",
    "任职单位",
    "人事关系/岗位变动",
    "学段",
    "任教学科",
    "职称",
    "编制",
    "专任教师",
    "骨干层级",
    "状态",
];

/// The workbook of the list `f` for `caller`.
pub async fn export_bytes(
    state: &AppState,
    caller: &Caller,
    f: &StaffFilter,
) -> Result<Vec<u8>, AppError> {
    let reader = StaffListReader::of(&state.db, caller)?;
    let rows = reader.export_rows(f).await?;
    let townships = platform::district::townships(&state.db).await?;
    let institutions = (state.institutions)(&state.db).await?;
    let chosen = f
        .institution_id
        .map(|id| directory::label_of(&institutions, InstitutionId(id)))
        .unwrap_or_default();
    let mut title = Title::list("教职工名单");
    for (k, v) in view::described(f, &chosen, &townships) {
        // A number searched for is shown as the column below shows numbers.
        let v = if k == "姓名或证件号" && !reader.full_view() {
            platform::vocab::privacy::mask_id_number(&v)
        } else {
            v
        };
        title = title.filter(k, v);
    }
    let mut wb = Workbook::export(&title, &HEADERS);
    for r in &rows {
        let (place, away) = view::workplace(r);
        wb.row(&[
            Cell::text(&r.name),
            Cell::id(&r.national_id),
            Cell::text(view::sex_label(&r.sex)),
            Cell::text(&r.birth),
            Cell::text(place),
            Cell::text(away.unwrap_or_default()),
            Cell::text(view::stage_label(r.stage.as_deref())),
            Cell::text(&r.subjects),
            Cell::text(r.title()),
            Cell::text(r.establishment.label()),
            Cell::text(if r.full_time { "是" } else { "否" }),
            Cell::text(r.backbone_level.map(|b| b.label()).unwrap_or("")),
            Cell::text(r.status.label()),
        ])?;
    }
    let masked = if reader.full_view() {
        ""
    } else {
        "（证件号已脱敏）"
    };
    let summary = format!("导出教职工名单 {} 人{masked}", rows.len());
    let mut tx = state.db.begin().await?;
    audit::record(&mut tx, &caller.who, reader.entry("export", summary, f)).await?;
    tx.commit().await?;
    Ok(wb.finish()?)
}

pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Query(mut f): Query<StaffFilter>,
    Query(p): Query<Picked>,
) -> PageResult {
    if caller.scope == platform::auth::Scope::All {
        pick(
            &mut f,
            &(state.institutions)(&state.db).await?,
            &p.institution,
        )?;
    }
    Ok(file_response(
        "教职工名单.xlsx",
        XLSX_MIME,
        export_bytes(&state, &caller, &f).await?,
    ))
}
