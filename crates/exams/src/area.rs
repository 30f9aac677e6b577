//! 考试与质量 as a work area of the program: its start page, the figures it
//! publishes (本科达线率, 重点线上线人数) and its demo step.

use chrono::Datelike;
use platform::area::{Area, BoxFuture, Indicator, IndicatorQuery, IndicatorValue};
use platform::auth::WorkArea;
use platform::db::{Db, DbError, Sql};
use platform::web::NavItem;

use crate::domain::results::{BACHELOR_LINE, KEY_LINE};
use crate::domain::ExamKind;

pub static AREA: Area = Area {
    table_prefixes: &["exams_"],
    migration_range: (400, 449),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "考试与质量",
        href: "/exams",
        area: WorkArea::Exams,
    }],
    openapi: crate::web::openapi,
    indicators: INDICATORS,
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("exams", "考试与质量")
};

/// The published results of the latest exam of `kind` held in the year of
/// the query's day or before, each school's rows joined to its 人数 over
/// `line`.
fn latest_published<'a>(
    db: &'a Db,
    q: &'a IndicatorQuery,
    kind: ExamKind,
    line: &'static str,
    value: &'static str,
) -> BoxFuture<'a, Result<Vec<IndicatorValue>, DbError>> {
    let year = i64::from(q.on.year());
    let filter = Sql::new("x.kind = ")
        .bind(kind.as_str())
        .push(" AND v.published_at IS NOT NULL AND v.version = (SELECT MAX(v2.version) FROM exams_versions v2 \
               WHERE v2.exam_id = x.id AND v2.published_at IS NOT NULL) AND x.year = (SELECT MAX(x2.year) FROM exams_exams x2 \
               JOIN exams_versions v3 ON v3.exam_id = x2.id WHERE v3.published_at IS NOT NULL AND x2.kind = ")
        .bind(kind.as_str())
        .push(" AND x2.year <= ")
        .bind(year)
        .push(")");
    // `line` is one of this crate's constants, never user input.
    let from = format!(
        "exams_school_results r JOIN exams_versions v ON v.id = r.version_id JOIN exams_exams x ON x.id = v.exam_id \
         JOIN institutions i ON i.id = r.institution_id LEFT JOIN exams_school_over o ON o.version_id = r.version_id \
         AND o.institution_id = r.institution_id AND o.track = r.track AND o.line = '{line}'"
    );
    Box::pin(async move { institutions::indicators::grouped(db, q, value, &from, filter).await })
}

const RATE: &str = "100.0 * SUM(COALESCE(o.reached, 0)) / NULLIF(SUM(r.candidates), 0)";
const REACHED: &str = "SUM(COALESCE(o.reached, 0))";

pub const INDICATORS: &[Indicator] = &[
    Indicator {
        key: "exams.gaokao_bachelor_rate",
        name: "高考本科达线率",
        unit: "%",
        definition: "最近一次已发布高考成绩中总分达到本科线的考生占参考考生的百分比（各科类合计）",
        compute: |db, q| latest_published(db, q, ExamKind::Gaokao, BACHELOR_LINE, RATE),
    },
    Indicator {
        key: "exams.gaokao_key_line",
        name: "高考重点线上线人数",
        unit: "人",
        definition: "最近一次已发布高考成绩中总分达到重点线的考生人数（各科类合计）",
        compute: |db, q| latest_published(db, q, ExamKind::Gaokao, KEY_LINE, REACHED),
    },
    Indicator {
        key: "exams.zhongkao_key_line",
        name: "中考重点线上线人数",
        unit: "人",
        definition: "最近一次已发布中考成绩中总分达到重点线的考生人数",
        compute: |db, q| latest_published(db, q, ExamKind::Zhongkao, KEY_LINE, REACHED),
    },
];
