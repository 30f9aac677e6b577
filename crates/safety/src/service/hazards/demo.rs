//! Demo hazards: about one institution in three has reported one or two,
//! and their orders stand in every stage of the loop (none yet, issued,
//! overdue, responded, reopened, closed), so the start page, the lists and
//! the inbox all have something to show.

use chrono::{Duration, NaiveDate};
use inspection::domain::{OrderStatus, Owner, Source};
use inspection::store::orders::{self as orders, NewOrderRow};
use platform::area::DemoSize;
use platform::auth::Scope;
use platform::db::{Db, Sql, Tx};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::hazards::{
    suggested_deadline, HazardCategory, HazardDraft, HazardId, HazardOrigin, RiskLevel,
};
use crate::store::hazards as store;

const SAMPLES: &[(HazardCategory, RiskLevel, &str, &str)] = &[
    (
        HazardCategory::Fire,
        RiskLevel::Major,
        "教学楼二层走廊",
        "灭火器压力不足，部分已过期",
    ),
    (
        HazardCategory::Fire,
        RiskLevel::Severe,
        "学生宿舍一楼",
        "安全出口被杂物堵塞，应急照明损坏",
    ),
    (
        HazardCategory::Building,
        RiskLevel::Major,
        "综合楼外墙",
        "外墙瓷砖空鼓，有脱落危险",
    ),
    (
        HazardCategory::Traffic,
        RiskLevel::General,
        "学校正门",
        "门前缺少减速带和警示标志",
    ),
    (
        HazardCategory::Food,
        RiskLevel::Major,
        "食堂操作间",
        "生熟食品未分开存放，留样记录不全",
    ),
    (
        HazardCategory::Surroundings,
        RiskLevel::General,
        "校门外 50 米",
        "流动摊点聚集，占用上学通道",
    ),
    (
        HazardCategory::Equipment,
        RiskLevel::General,
        "操场",
        "篮球架底座锈蚀松动",
    ),
    (
        HazardCategory::Other,
        RiskLevel::General,
        "实验室",
        "化学药品柜未双人双锁",
    ),
];

/// The stages the demo orders stand in, in turn (`None`: not yet ordered).
const STAGES: &[Option<OrderStatus>] = &[
    None,
    Some(OrderStatus::Issued),
    Some(OrderStatus::Closed),
    Some(OrderStatus::Responded),
    Some(OrderStatus::Issued),
    Some(OrderStatus::Reopened),
    Some(OrderStatus::Closed),
];

/// Writes the demo hazards and their orders; returns how many hazards.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let institutions = store::institution_choices(db, &Scope::All).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x0870_0014);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (n, (institution, _)) in institutions.iter().enumerate() {
        if n % 3 != 0 {
            continue;
        }
        for k in 0..rng.gen_range(1..=2usize) {
            let (category, risk_level, location, description) = SAMPLES[(n + k) % SAMPLES.len()];
            let found_on = today - Duration::days(rng.gen_range(10..=120));
            let draft = HazardDraft {
                category,
                risk_level,
                location: location.into(),
                description: description.into(),
                found_on,
                origin: HazardOrigin::Report,
            };
            let id = store::insert(&mut tx, *institution, &draft, None, None).await?;
            if let Some(stage) = STAGES[(made as usize) % STAGES.len()] {
                let overdue = made % 2 == 1;
                order(&mut tx, *institution, id, &draft, stage, overdue, today).await?;
            }
            made += 1;
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// An order for the demo hazard at `stage`, with the events that led there;
/// an open order is overdue when `overdue`.
async fn order(
    tx: &mut Tx,
    institution: i64,
    id: HazardId,
    d: &HazardDraft,
    stage: OrderStatus,
    overdue: bool,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let issued_on = d.found_on + Duration::days(2);
    let deadline = if overdue && stage.awaits_institution() {
        today - Duration::days(5)
    } else {
        suggested_deadline(d.risk_level, today)
    };
    let finding = format!("{}：{}", d.location, d.description);
    let row = NewOrderRow {
        owner: Owner::Safety,
        institution_id: institution,
        campaign_id: None,
        source: Source::Hazard,
        source_id: Some(id.0),
        number: "",
        finding: &finding,
        requirement: "立即整改，整改完成后报送整改情况及照片",
        responsible_person: "分管安全副校长",
        deadline,
        issued_by: None,
        issued_on,
    };
    let order = orders::insert(tx, &row).await?;
    store::set_order(tx, id, order).await?;
    let events: &[&str] = match stage {
        OrderStatus::Issued => &[],
        OrderStatus::Responded => &["respond"],
        OrderStatus::Reopened => &["respond", "reopen"],
        OrderStatus::Closed => &["respond", "close"],
    };
    for (k, event) in events.iter().enumerate() {
        let at = issued_on + Duration::days(3 * (k as i64 + 1));
        tx.execute(
            Sql::new(
                "INSERT INTO inspection_order_events (order_id, event, note, new_deadline, at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .arg(order)
            .arg(*event)
            .arg(if *event == "respond" {
                "已按要求整改，附整改照片"
            } else {
                "复查"
            })
            .arg((*event == "reopen").then_some(deadline))
            .arg(at.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc()),
        )
        .await?;
    }
    let closed_on = (stage == OrderStatus::Closed).then_some(issued_on + Duration::days(6));
    tx.execute(
        Sql::new("UPDATE inspection_orders SET status = ")
            .bind(stage)
            .push(", closed_on = ")
            .bind(closed_on)
            .push(" WHERE id = ")
            .bind(order),
    )
    .await?;
    Ok(())
}
