//! Demo school buses: a few dozen (more for the larger districts) across
//! the active public schools, each with its driver and route; every tenth
//! bus has a paper expiring within the alert window and every seventeenth
//! one has expired, so the list and the inbox show both.

use chrono::Duration;
use platform::area::DemoSize;
use platform::db::{Db, Sql};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::buses::{BusInput, LicenceClass, Plate};
use crate::store::buses as store;

const SURNAMES: &[&str] = &["李", "王", "张", "陈", "林", "黄", "吴", "刘", "郑", "肖"];
const GIVEN: &[&str] = &[
    "建国", "志强", "明辉", "国平", "海涛", "春生", "永福", "金水", "德华", "文斌",
];
const STOPS: &[&str] = &[
    "水南", "古镛", "白莲", "高唐", "光明", "万全", "漠源", "南口", "余坊", "大源",
];

fn buses(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 36,
        DemoSize::City => 120,
        DemoSize::Province => 400,
    }
}

/// Writes the demo fleet; returns how many buses were made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let schools: Vec<(i64, String)> = db
        .fetch_all(Sql::new(
            "SELECT id, name FROM institutions WHERE status = 'active' AND ownership = 'public' \
             AND licence = 'licensed' ORDER BY id",
        ))
        .await?;
    if schools.is_empty() {
        return Ok(0);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0x0893_0001);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let count = buses(size);
    for n in 0..count {
        let (institution_id, name) = &schools[(n * 7) % schools.len()];
        let class = [LicenceClass::A1, LicenceClass::B1, LicenceClass::C1][n % 3];
        let seats = match class {
            LicenceClass::A1 => rng.gen_range(30..=56),
            LicenceClass::B1 => rng.gen_range(10..=19),
            LicenceClass::C1 => rng.gen_range(6..=9),
        };
        let far = |rng: &mut ChaCha8Rng| today + Duration::days(rng.gen_range(60..=700));
        let mut papers = [far(&mut rng), far(&mut rng), far(&mut rng), far(&mut rng)];
        if n % 10 == 4 {
            papers[n % 4] = today + Duration::days(rng.gen_range(0..=29));
        } else if n % 17 == 9 {
            papers[(n + 1) % 4] = today - Duration::days(rng.gen_range(1..=40));
        }
        let stops: Vec<&str> = (0..rng.gen_range(2..=4))
            .map(|k| STOPS[(n + k * 3) % STOPS.len()])
            .collect();
        let bus = BusInput {
            plate: format!("闽G{}{:04}", (b'A' + (n / 1000) as u8) as char, n % 10_000),
            seats,
            operator: if n % 2 == 0 {
                name.clone()
            } else {
                "将乐县校车服务有限公司".into()
            },
            permit_no: format!("闽G校{:04}", n + 1),
            permit_expires: papers[0],
            inspection_expires: papers[1],
            insurance_expires: papers[2],
            driver_name: format!(
                "{}{}",
                SURNAMES[n % SURNAMES.len()],
                GIVEN[(n / 3) % GIVEN.len()]
            ),
            driver_class: class,
            driver_licence_expires: papers[3],
            driver_approved: n % 23 != 11,
            route: format!("{}—学校", stops.join("—")),
            pupils: rng.gen_range(seats / 2..=seats),
        };
        let plate = Plate::parse(&bus.plate).map_err(anyhow::Error::msg)?;
        store::insert(&mut tx, *institution_id, &plate, &bus).await?;
    }
    tx.commit().await?;
    Ok(count as u64)
}
