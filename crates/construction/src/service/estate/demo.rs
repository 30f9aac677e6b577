//! The estate of the demo district: buildings for every active institution
//! (areas from its approved places), ten D级 buildings of 6,074 m² in all —
//! the seed's dangerous area — an equipment register with a few disposals
//! and transfers, and procurement items, most of them accepted. The same
//! seed always gives the same estate; larger districts get more register
//! movements and procurement items per institution.

use chrono::{Datelike, Duration, NaiveDate};
use platform::area::DemoSize;
use platform::db::{Db, Sql, Tx};
use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::estate::{
    moved_value, AcceptanceInput, AcceptanceResult, AssetCategory, AssetInput, BuildingInput,
    BuildingUse, CertificateStatus, MovementInput, MovementKind, PurchaseInput, SafetyGrade,
    Structure,
};
use crate::store::estate::{assets, buildings, procurement};

/// The D级 buildings' areas: ten, 6,074 m² together (the seed's 危房).
pub const DANGEROUS_AREAS: [i64; 10] = [812, 655, 540, 730, 498, 603, 575, 688, 452, 521];

/// An institution as the demo sizes its estate.
#[derive(sqlx::FromRow)]
struct Place {
    id: i64,
    places: i64,
    classes: i64,
    boarding: bool,
}

fn items_per_institution(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 2,
        DemoSize::City => 4,
        DemoSize::Province => 8,
    }
}

fn date(rng: &mut ChaCha8Rng, today: NaiveDate, from_days: i64, to_days: i64) -> NaiveDate {
    today - Duration::days(rng.gen_range(from_days..=to_days))
}

fn building(
    name: &str,
    area: i64,
    purpose: BuildingUse,
    rng: &mut ChaCha8Rng,
    today: NaiveDate,
) -> BuildingInput {
    let year_built = rng.gen_range(1995..=2020);
    let certificate = match rng.gen_range(0..20) {
        0 => CertificateStatus::None,
        1 | 2 => CertificateStatus::Pending,
        _ => CertificateStatus::Held,
    };
    let grade = match rng.gen_range(0..20) {
        0 => SafetyGrade::C,
        1..=6 => SafetyGrade::B,
        _ => SafetyGrade::A,
    };
    BuildingInput {
        name: name.into(),
        floor_area: area.max(120),
        year_built: Some(year_built),
        structure: if year_built < 2000 {
            Structure::BrickConcrete
        } else {
            Structure::Frame
        },
        floors: (area / 600).clamp(1, 6),
        purpose,
        grade: Some(grade),
        appraised_on: Some(date(rng, today, 30, 330)),
        certificate,
        certificate_no: if certificate == CertificateStatus::Held {
            format!(
                "浙({year_built})南浔区不动产权第{:07}号",
                rng.gen_range(1..9_999_999)
            )
        } else {
            String::new()
        },
        note: String::new(),
    }
}

async fn add_buildings(
    tx: &mut Tx,
    p: &Place,
    rng: &mut ChaCha8Rng,
    today: NaiveDate,
) -> anyhow::Result<u64> {
    let total = p.places.max(p.classes * 45).max(150) * 8;
    let mut plan = vec![
        ("1号教学楼", total * 55 / 100, BuildingUse::Teaching),
        ("综合楼", total / 10, BuildingUse::Office),
        ("食堂", total / 10, BuildingUse::Canteen),
    ];
    if p.boarding {
        plan.push(("学生宿舍", total * 25 / 100, BuildingUse::Dormitory));
    } else {
        plan.push(("2号教学楼", total * 25 / 100, BuildingUse::Teaching));
    }
    for (name, area, purpose) in &plan {
        let b = building(name, *area, *purpose, rng, today);
        buildings::insert(tx, p.id, &b).await?;
    }
    Ok(plan.len() as u64)
}

async fn add_dangerous(tx: &mut Tx, p: &Place, k: usize, today: NaiveDate) -> anyhow::Result<()> {
    let b = BuildingInput {
        name: if k.is_multiple_of(2) {
            "旧教学楼"
        } else {
            "旧宿舍楼"
        }
        .into(),
        floor_area: DANGEROUS_AREAS[k],
        year_built: Some(1968 + 2 * k as i64),
        structure: if k.is_multiple_of(3) {
            Structure::BrickWood
        } else {
            Structure::BrickConcrete
        },
        floors: 2,
        purpose: if k.is_multiple_of(2) {
            BuildingUse::Teaching
        } else {
            BuildingUse::Dormitory
        },
        grade: Some(SafetyGrade::D),
        // Two of them were last appraised more than a year ago.
        appraised_on: Some(today - Duration::days(if k < 2 { 430 } else { 60 + 20 * k as i64 })),
        certificate: CertificateStatus::Held,
        certificate_no: format!("浙(2004)南浔区房权证第{:06}号", 1000 + k),
        note: "经鉴定为 D级危房，已停止使用".into(),
    };
    buildings::insert(tx, p.id, &b).await?;
    Ok(())
}

/// The register of one institution: (category, name, count, unit price 元).
fn register(p: &Place, rng: &mut ChaCha8Rng) -> Vec<(AssetCategory, &'static str, i64, i64)> {
    let pupils = p.places.max(p.classes * 45).max(150);
    let mut lines = vec![
        (
            AssetCategory::Multimedia,
            "多媒体教室设备",
            p.classes.max(6),
            25_000,
        ),
        (
            AssetCategory::Computer,
            "学生计算机",
            pupils / 12 + 20,
            4_500,
        ),
        (AssetCategory::Books, "图书", pupils * 30, 25),
        (AssetCategory::Sports, "体育器材", 80 + pupils / 20, 300),
        (AssetCategory::Furniture, "课桌椅", pupils, 400),
    ];
    if p.classes >= 12 {
        lines.push((AssetCategory::Laboratory, "理化生实验室设备", 3, 80_000));
    }
    if rng.gen_range(0..5) == 0 {
        lines.push((AssetCategory::ArVr, "AR/VR 教学设备", 20, 6_000));
    }
    lines
}

async fn add_register(
    tx: &mut Tx,
    p: &Place,
    rng: &mut ChaCha8Rng,
    today: NaiveDate,
    next: Option<i64>,
    movements: usize,
) -> anyhow::Result<u64> {
    let mut made = 0;
    for (category, name, quantity, price) in register(p, rng) {
        let a = AssetInput {
            category,
            name: name.into(),
            quantity,
            value: quantity * price,
            acquired_on: Some(date(rng, today, 200, 2_000)),
            note: String::new(),
        };
        let id = assets::insert(tx, p.id, &a).await?;
        made += 1;
        if category != AssetCategory::Computer || rng.gen_range(0..10) != 0 {
            continue;
        }
        let line = assets::get(&mut *tx, &platform::auth::Scope::All, id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("asset just written"))?;
        let mut left = (a.quantity, a.value);
        for k in 0..movements {
            let transfer = k % 2 == 1 && next.is_some();
            let m = MovementInput {
                kind: if transfer {
                    MovementKind::Transfer
                } else {
                    MovementKind::Disposal
                },
                quantity: 2 + k as i64,
                to_institution_id: if transfer { next } else { None },
                moved_on: date(rng, today, 10, 150),
                approved_by: "计财科 沈科长".into(),
                approval_no: format!("南教财〔{}〕{}号", today.year(), 10 + k),
                reason: if transfer {
                    "支援薄弱学校"
                } else {
                    "使用年限已满，无法维修"
                }
                .into(),
            };
            if m.quantity > left.0 {
                break;
            }
            let value = moved_value(left.1, left.0, m.quantity);
            assets::take(tx, id, m.quantity, value).await?;
            left = (left.0 - m.quantity, left.1 - value);
            if let Some(to) = m.to_institution_id {
                let moved = AssetInput {
                    quantity: m.quantity,
                    value,
                    ..a.clone()
                };
                assets::receive(tx, to, &moved).await?;
            }
            assets::record_movement(tx, &line, &m, value).await?;
        }
    }
    Ok(made)
}

const PURCHASES: [(&str, AssetCategory, i64, &str); 6] = [
    (
        "录播教室设备",
        AssetCategory::Multimedia,
        186_000,
        "湖州智慧教育科技有限公司",
    ),
    (
        "学生计算机教室更新",
        AssetCategory::Computer,
        245_000,
        "浙江华信电脑有限公司",
    ),
    (
        "图书馆图书补充",
        AssetCategory::Books,
        38_000,
        "新华书店南浔分店",
    ),
    (
        "体育器材更新",
        AssetCategory::Sports,
        52_000,
        "湖州体育用品有限公司",
    ),
    (
        "AR/VR 创新实验室",
        AssetCategory::ArVr,
        320_000,
        "杭州视界教育科技有限公司",
    ),
    (
        "学生课桌椅",
        AssetCategory::Furniture,
        64_000,
        "南浔家具有限公司",
    ),
];

async fn add_purchases(
    tx: &mut Tx,
    p: &Place,
    n: usize,
    rng: &mut ChaCha8Rng,
    today: NaiveDate,
) -> anyhow::Result<u64> {
    for k in 0..n {
        let (name, category, amount, supplier) = PURCHASES[rng.gen_range(0..PURCHASES.len())];
        let delivered_on = date(rng, today, 5, 360);
        let item = PurchaseInput {
            name: format!("{name}（{}）", k + 1),
            category,
            amount: amount + rng.gen_range(0..20) * 1_000,
            supplier: supplier.into(),
            delivered_on,
            note: String::new(),
        };
        let id = procurement::insert(tx, p.id, &item).await?;
        if rng.gen_range(0..20) == 0 {
            continue;
        }
        let waited = rng.gen_range(3..25).min((today - delivered_on).num_days());
        let fail = rng.gen_range(0..25) == 0;
        let acceptance = AcceptanceInput {
            accepted_on: delivered_on + Duration::days(waited),
            members: "计财科 沈科长、学校总务主任、学校教师代表".into(),
            result: if fail {
                AcceptanceResult::Fail
            } else {
                AcceptanceResult::Pass
            },
            notes: if fail {
                "部分设备型号与合同不符，责令供应商更换".into()
            } else {
                String::new()
            },
        };
        procurement::accept(tx, id, &acceptance).await?;
    }
    Ok(n as u64)
}

/// Writes the demo estate; returns how many records were made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let places: Vec<Place> = db
        .fetch_all(Sql::new(
            "SELECT id, approved_places AS places, class_count AS classes, boarding FROM institutions \
             WHERE status = 'active' ORDER BY id",
        ))
        .await?;
    let today = platform::time::today();
    let mut rng = ChaCha8Rng::seed_from_u64(0x7760_E57A);
    let mut dangerous: Vec<usize> = (0..places.len()).collect();
    for i in 0..dangerous.len().min(DANGEROUS_AREAS.len()) {
        let j = rng.gen_range(i..dangerous.len());
        dangerous.swap(i, j);
    }
    dangerous.truncate(DANGEROUS_AREAS.len());
    let n = items_per_institution(size);
    let mut made = 0u64;
    let mut tx = db.begin().await?;
    for (k, p) in places.iter().enumerate() {
        made += add_buildings(&mut tx, p, &mut rng, today).await?;
        if let Some(d) = dangerous.iter().position(|i| *i == k) {
            add_dangerous(&mut tx, p, d, today).await?;
            made += 1;
        }
        // Transfers go to the institution before, whose register is written.
        let next = k.checked_sub(1).map(|j| places[j].id);
        made += add_register(&mut tx, p, &mut rng, today, next, n / 2).await?;
        made += add_purchases(&mut tx, p, n, &mut rng, today).await?;
    }
    platform::area::demo::commit_recorded(tx, format!("生成演示校舍、资产与采购：{made} 条记录"))
        .await?;
    Ok(made)
}
