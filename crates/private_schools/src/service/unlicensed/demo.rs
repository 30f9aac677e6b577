//! The demo's unlicensed kindergartens: 109 at the default size (the seed's
//! figure), more in larger districts, spread over the townships and over
//! every status — some past their rectification deadline — each with one
//! to three visits.

use chrono::Duration;
use platform::area::DemoSize;
use platform::db::Db;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::unlicensed::Status;
use crate::store::unlicensed::{self as store, NewUnlicensed, StatusChange};

const VILLAGES: &[&str] = &[
    "东湖",
    "西塘",
    "南庄",
    "北港",
    "新桥",
    "杨家",
    "陈家埭",
    "马腰",
    "石桥头",
    "沈庄",
    "横街",
    "荻港",
    "和孚",
    "旧馆",
    "双林",
    "练市",
    "善琏",
    "千金",
    "菱湖",
    "石淙",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "沈", "朱",
];
const KINDS: &[&str] = &["看护点", "托儿所", "幼儿班", "托管班", "家庭托育点"];

/// How many unlicensed kindergartens the demo district has.
pub fn demo_count(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 109,
        DemoSize::City => 436,
        DemoSize::Province => 2_180,
    }
}

/// Writes the demo registry; returns the records made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let townships = platform::district::townships(db).await?;
    if townships.is_empty() {
        return Ok(0);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0x0857_0109);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let count = demo_count(size);
    for n in 0..count {
        let t = &townships[n % townships.len()];
        let village = VILLAGES.choose(&mut rng).copied().unwrap_or("新村");
        let surname = SURNAMES.choose(&mut rng).copied().unwrap_or("王");
        let kind = KINDS.choose(&mut rng).copied().unwrap_or("看护点");
        let name = format!("{village}{surname}氏{kind}{}", n + 1);
        let found_on = today - Duration::days(rng.gen_range(20..400));
        let children = rng.gen_range(6..45);
        let operator = format!(
            "{surname}{}",
            ["秀英", "建国", "丽华", "海燕", "国强"][n % 5]
        );
        let phone = format!(
            "1{}{:08}",
            [35, 37, 58, 89][n % 4],
            rng.gen_range(0..100_000_000)
        );
        let address = format!("{}{village}村{}组", t.name, rng.gen_range(1..12));
        let id = store::insert(
            &mut tx,
            &NewUnlicensed {
                name: &name,
                address: &address,
                township_id: t.id.0,
                operator: &operator,
                phone: &phone,
                children,
                found_on,
                note: if n % 4 == 0 {
                    "群众举报"
                } else {
                    "春季排查发现"
                },
            },
        )
        .await?;
        // Found 20%, rectifying 25% (a third of them overdue), banned 30%,
        // compliant 15%, stopped 10%.
        let status = match n % 20 {
            0..=3 => Status::Found,
            4..=8 => Status::Rectifying,
            9..=14 => Status::Banned,
            15..=17 => Status::Compliant,
            _ => Status::Stopped,
        };
        let since = found_on + Duration::days(rng.gen_range(3..15));
        let visits = rng.gen_range(1..=3);
        for v in 0..visits {
            let on = (found_on + Duration::days(v * 10 + rng.gen_range(0..8))).min(today);
            let found = match (v, status) {
                (0, _) => format!("无办学许可证，在园幼儿约 {children} 人，消防设施不全"),
                (_, Status::Compliant) => "已取得办学许可，条件达标".to_string(),
                (_, Status::Banned | Status::Stopped) => "已停止招生，幼儿分流中".to_string(),
                _ => "整改进行中，已拆除违规隔层".to_string(),
            };
            store::insert_visit(&mut tx, id, on, "民办教育科 邱老师", &found).await?;
        }
        if status == Status::Found {
            continue;
        }
        let deadline = if status == Status::Rectifying && n % 3 == 0 {
            today - Duration::days(rng.gen_range(1..30))
        } else {
            since + Duration::days(90)
        };
        let ended = status
            .is_ended()
            .then(|| (since + Duration::days(rng.gen_range(20..80))).min(today));
        let placement = if matches!(status, Status::Banned | Status::Stopped) {
            "幼儿已分流至就近公办及普惠性幼儿园"
        } else {
            ""
        };
        let change = StatusChange {
            status,
            deadline: Some(deadline),
            rectifying_since: Some(since),
            ended_on: ended,
            placement,
        };
        store::set_status(&mut tx, id, 1, &change).await?;
    }
    platform::area::demo::commit_recorded(tx, format!("生成演示无证幼儿园：{count} 所")).await?;
    Ok(count as u64)
}
