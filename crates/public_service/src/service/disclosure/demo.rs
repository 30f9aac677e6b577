//! Demo disclosure: fee items of the current school year at every
//! institution in operation (written by one statement per item over the
//! registry), the bureau's catalogue, and a few requests for disclosure —
//! answered, open, and one overdue.

use chrono::Days;
use platform::area::DemoSize;
use platform::db::{Db, Sql};
use platform::vocab::SchoolYear;

use crate::domain::disclosure::{CatalogueDraft, Outcome, RequestDraft};
use crate::domain::limits::{default_of, DISCLOSURE_REPLY};
use crate::store::disclosure::requests as store;

/// (item, fen, unit, grades, basis, school types it applies to as a LIKE pattern)
const FEES: &[(&str, i64, &str, &str, &str, &str)] = &[
    (
        "作业本费",
        3_500,
        "元/生·学期",
        "1,2,3,4,5,6,7,8,9",
        "浔发改价〔2024〕12号",
        "%",
    ),
    (
        "校服费（自愿）",
        18_000,
        "元/套",
        "",
        "浔教〔2024〕31号",
        "%",
    ),
    (
        "午餐费（代收）",
        90_000,
        "元/生·学期",
        "",
        "浔发改价〔2025〕4号",
        "%",
    ),
    (
        "保育教育费",
        120_000,
        "元/生·学期",
        "-2,-1,0",
        "浔发改价〔2025〕7号",
        "11%",
    ),
    (
        "住宿费",
        40_000,
        "元/生·学期",
        "7,8,9,10,11,12",
        "浔发改价〔2024〕12号",
        "3%",
    ),
];

const CATALOGUE: &[(&str, &str, &str)] = &[
    (
        "机构职能",
        "区教育局机构设置及主要职责",
        "区教育局设办公室、基础教育科、职业与成人教育科等科室，主要职责见正文。",
    ),
    (
        "政策文件",
        "关于做好义务教育阶段学校招生入学工作的实施意见",
        "全文见附件。",
    ),
    (
        "规划计划",
        "区教育事业发展“十四五”规划中期评估报告",
        "全文见附件。",
    ),
    (
        "财务信息",
        "区教育局部门预算公开说明",
        "本年度部门预算收支总表及说明。",
    ),
    (
        "收费信息",
        "全区中小学校服务性收费和代收费项目及标准",
        "各校收费项目及标准见各校公开页面。",
    ),
];

/// (requester, content, received days ago, reply)
type DemoRequest = (
    &'static str,
    &'static str,
    i64,
    Option<(Outcome, &'static str)>,
);

const REQUESTS: &[DemoRequest] = &[
    (
        "王先生",
        "申请公开本区学校校车运营补贴发放情况",
        40,
        Some((Outcome::Disclosed, "")),
    ),
    (
        "李女士",
        "申请公开某中学扩建项目的招标文件",
        35,
        Some((Outcome::Partly, "涉及商业秘密的部分不予公开")),
    ),
    ("赵先生", "申请公开全区教师招聘面试评分细则", 45, None),
    ("陈女士", "申请公开本学期课后服务收费核算依据", 3, None),
];

/// Writes the demo disclosure; returns how many records.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let year = SchoolYear::current().0;
    let now = platform::time::now();
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (item, fen, unit, grades, basis, types) in FEES {
        made += tx
            .execute(
                Sql::new(
                    "INSERT INTO public_fee_items (institution_id, school_year, item, standard_fen, unit, \
                     grades, basis, created_at) SELECT id, $1, $2, $3, $4, $5, $6, $7 FROM institutions \
                     WHERE status = 'active' AND school_type LIKE $8",
                )
                .arg(year)
                .arg(*item)
                .arg(*fen)
                .arg(*unit)
                .arg(*grades)
                .arg(*basis)
                .arg(now)
                .arg(*types),
            )
            .await?;
    }
    let today = platform::time::today();
    for (k, (category, title, body)) in CATALOGUE.iter().enumerate() {
        let d = CatalogueDraft {
            category: (*category).into(),
            title: (*title).into(),
            published_on: today - Days::new(10 + 20 * k as u64),
            body: (*body).into(),
        };
        store::insert_entry(&mut tx, &d, None).await?;
        made += 1;
    }
    let limit = default_of(DISCLOSURE_REPLY).unwrap_or(crate::domain::limits::Limit {
        days: 20,
        working_days: true,
    });
    for (requester, content, days_ago, reply) in REQUESTS {
        let received_on = today - Days::new(*days_ago as u64);
        let d = RequestDraft {
            requester: (*requester).into(),
            contact: "（演示）".into(),
            content: (*content).into(),
            received_on,
            due_on: limit.due(received_on),
        };
        let id = store::insert_request(&mut tx, &d, None).await?;
        if let Some((outcome, reason)) = reply {
            store::reply(&mut tx, id, *outcome, reason, received_on + Days::new(12)).await?;
        }
        made += 1;
    }
    tx.commit().await?;
    Ok(made)
}
