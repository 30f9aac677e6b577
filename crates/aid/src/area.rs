//! Student aid as a work area of the program.

use platform::area::{Area, BoxFuture, Indicator, IndicatorQuery, IndicatorValue, Task};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError, Sql};
use platform::web::NavItem;
use platform::AppError;

use crate::domain::{ApplicationStatus, BatchStatus};
use crate::store::pending;

pub static AREA: Area = Area {
    table_prefixes: &["aid_"],
    migration_range: (500, 599),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[
        NavItem {
            label: "学生资助",
            href: "/aid",
            area: WorkArea::Aid,
        },
        NavItem {
            label: "资助预算执行",
            href: "/aid/budget",
            area: WorkArea::Aid,
        },
    ],
    openapi: crate::web::openapi,
    indicators: INDICATORS,
    pending: Some(|db, caller| Box::pin(pending_tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("aid", "学生资助")
};

/// Ledger lines of approved or paid batches whose term began in the period.
fn settled<'a>(
    db: &'a Db,
    q: &'a IndicatorQuery,
    value: &'static str,
) -> BoxFuture<'a, Result<Vec<IndicatorValue>, DbError>> {
    let mut filter = Sql::new("b.status IN ('approved', 'paid') AND b.starts_on <= ").bind(q.on);
    if let Some(from) = q.from {
        filter = filter.push(" AND b.starts_on >= ").bind(from);
    }
    Box::pin(institutions::indicators::grouped(
        db,
        q,
        value,
        "aid_ledger l JOIN aid_batches b ON b.id = l.batch_id JOIN institutions i ON i.id = l.institution_id",
        filter,
    ))
}

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "aid.amount",
        name: "资助金额",
        unit: "元",
        definition: "期间内开始的学期已审批或已发放批次的资助金额（冲销已扣除）",
        compute: |db, q| settled(db, q, "SUM(l.amount) / 100.0"),
    },
    Indicator {
        key: "aid.students",
        name: "受助学生数",
        unit: "人",
        definition:
            "期间内开始的学期已审批或已发放批次中获得资助的学生人数（同一学生多个项目计一人）",
        compute: |db, q| {
            settled(
                db,
                q,
                "COUNT(DISTINCT CASE WHEN l.kind = 'payment' THEN l.student_id END)",
            )
        },
    },
];

fn task(label: &str, count: i64, href: &str) -> Task {
    Task {
        area: "学生资助".into(),
        label: label.into(),
        count,
        href: href.into(),
        nav_href: "/aid".into(),
    }
}

/// Batches to approve and pay (bureau); applications to review (school) or
/// to approve (bureau).
async fn pending_tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    if !caller.role.may(WorkArea::Aid, Access::Write) {
        return Ok(vec![]);
    }
    if caller.scope.institution().is_some() {
        let count =
            pending::applications_in(db, &caller.scope, ApplicationStatus::Submitted).await?;
        return Ok(vec![task(
            "资助申请待学校审核",
            count,
            "/aid/applications?status=submitted",
        )]);
    }
    Ok(vec![
        task(
            "资助发放批次待审批",
            pending::batches_in(db, BatchStatus::Draft).await?,
            "/aid#aid-batches",
        ),
        task(
            "已审批批次待发放",
            pending::batches_in(db, BatchStatus::Approved).await?,
            "/aid#aid-batches",
        ),
        task(
            "资助申请待教育局审批",
            pending::applications_in(db, &caller.scope, ApplicationStatus::SchoolApproved).await?,
            "/aid/applications?status=school_approved",
        ),
    ])
}
