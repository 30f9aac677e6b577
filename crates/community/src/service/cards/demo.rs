//! Demo learning cards: about 8,000 at the default size across the
//! district's streets (scaled with the district, at most a million), the
//! holders aged 18 to 80 with more of them older, two in three made at a
//! community school's desk and one in three registered online (a third of
//! those not yet verified). Every demo card's password is the demo
//! password. Written in bulk.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, SecondsFormat};
use platform::area::demo::DEMO_PASSWORD;
use platform::area::DemoSize;
use platform::db::{BulkTable, Db, Sql, Value};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::cards::CardNo;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "胡", "沈", "钱",
    "费", "邱", "施", "姚", "陆", "潘", "蒋", "顾", "严", "俞", "汤", "钟",
];
const GIVEN: &[&str] = &[
    "建", "国", "华", "明", "芳", "丽", "伟", "秀", "英", "军", "平", "玲", "强", "敏", "静", "红",
    "文", "霞", "德", "兰", "林", "海", "荣", "珍", "玉", "勇", "斌", "梅", "春", "云",
];
const COMMUNITIES: &[&str] = &[
    "东升", "西苑", "南湖", "北门", "新华", "和平", "文昌", "幸福", "丝绸", "古镇",
];

const CARDS: BulkTable<'static> = BulkTable {
    name: "community_cards",
    columns: &[
        "id",
        "card_no",
        "id_number",
        "name",
        "sex",
        "birth_date",
        "phone",
        "township_id",
        "community",
        "issued_by",
        "registered_via",
        "verified_on",
        "status",
        "created_at",
        "updated_at",
    ],
};

/// Cards of a demo district of this size.
pub fn cards_for(size: DemoSize) -> u64 {
    (size.students() * 8 / 3).min(1_000_000)
}

/// Rows generated and handed to the writer at a time.
const CHUNK: u64 = 2048;

/// One card's columns as text (ints are parsed back where needed).
struct Row {
    id: i64,
    texts: [String; 8],
    township_id: i64,
    issued_by: Option<i64>,
    via: &'static str,
    verified_on: Option<String>,
    status: &'static str,
}

struct Maker {
    rng: ChaCha8Rng,
    today: NaiveDate,
    division: String,
    towns: Vec<i64>,
    schools: Vec<i64>,
    per_day: HashMap<NaiveDate, u32>,
}

impl Maker {
    /// A birth date 18 to 80 years ago, older ages likelier (density rising
    /// with age).
    fn birth(&mut self) -> NaiveDate {
        let u: f64 = self.rng.gen();
        let age = 18 + (62.0 * u.sqrt()) as i32;
        let year = self.today.year() - age - 1;
        let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(self.today);
        start + Duration::days(self.rng.gen_range(0..365))
    }

    /// A valid ID number, unique among the demo's (a serial per birth day).
    fn id_number(&mut self, birth: NaiveDate) -> String {
        let seq = self.per_day.entry(birth).or_insert(0);
        *seq += 1;
        let body = format!(
            "{}{}{:03}",
            self.division,
            birth.format("%Y%m%d"),
            *seq % 1000
        );
        let check = platform::vocab::identity::check_char(&body).unwrap_or('0');
        format!("{body}{check}")
    }

    fn row(&mut self, id: i64, now: &str) -> Row {
        let r = &mut self.rng;
        let surname = SURNAMES.choose(r).copied().unwrap_or("王");
        let given: String = (0..r.gen_range(1..=2))
            .map(|_| GIVEN.choose(r).copied().unwrap_or("明"))
            .collect();
        let phone = format!(
            "1{}{:09}",
            r.gen_range(3..=9),
            r.gen_range(0..1_000_000_000u32)
        );
        let township_id = *self.towns.choose(r).unwrap_or(&1);
        let community = format!("{}社区", COMMUNITIES.choose(r).copied().unwrap_or("东升"));
        let online = r.gen_ratio(1, 3) || self.schools.is_empty();
        let issued_by = (!online).then(|| *self.schools.choose(r).unwrap_or(&0));
        let created = self.today - Duration::days(r.gen_range(0..1000));
        let verified = !online || r.gen_ratio(2, 3);
        let status = if r.gen_ratio(1, 50) {
            "suspended"
        } else {
            "active"
        };
        let birth = self.birth();
        let id_number = self.id_number(birth);
        let sex = if id_number.as_bytes()[16] % 2 == 1 {
            "m"
        } else {
            "f"
        };
        let card_no = CardNo::allocate(&self.division, id).map(|c| c.to_string());
        Row {
            id,
            texts: [
                card_no.unwrap_or_else(|| format!("demo:{id}")),
                id_number,
                format!("{surname}{given}"),
                sex.into(),
                birth.format("%Y-%m-%d").to_string(),
                phone,
                community,
                now.to_string(),
            ],
            township_id,
            issued_by,
            via: if online { "online" } else { "desk" },
            verified_on: verified.then(|| created.format("%Y-%m-%d").to_string()),
            status,
        }
    }
}

/// Writes the demo cards; returns how many.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let towns: Vec<i64> = platform::district::townships(db)
        .await?
        .iter()
        .map(|t| t.id.0)
        .collect();
    if towns.is_empty() {
        return Ok(0);
    }
    #[derive(sqlx::FromRow)]
    struct School {
        id: i64,
    }
    let schools: Vec<School> = db
        .fetch_all(Sql::new(
            "SELECT id FROM institutions WHERE name LIKE '%社区学校' OR name LIKE '%社区学院' \
             ORDER BY id",
        ))
        .await?;
    let division = super::division(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = platform::auth::password::hash(DEMO_PASSWORD.to_string()).await?;
    let mut maker = Maker {
        rng: ChaCha8Rng::seed_from_u64(0x1700_0001),
        today: platform::time::today(),
        division,
        towns,
        schools: schools.into_iter().map(|s| s.id).collect(),
        per_day: HashMap::new(),
    };
    let total = cards_for(size);
    let now = platform::time::now().to_rfc3339_opts(SecondsFormat::Secs, false);
    let mut tx = db.begin().await?;
    let first = tx.first_free_id("community_cards").await?;
    tx.bulk_insert(&[CARDS], |w| {
        let mut done = 0u64;
        while done < total {
            let n = CHUNK.min(total - done);
            let rows: Vec<Row> = (0..n)
                .map(|k| maker.row(first + (done + k) as i64, &now))
                .collect();
            let mut values = Vec::with_capacity(rows.len() * CARDS.columns.len());
            for r in &rows {
                let t = &r.texts;
                values.extend([
                    Value::Int(r.id),
                    Value::Text(&t[0]),
                    Value::Text(&t[1]),
                    Value::Text(&t[2]),
                    Value::Text(&t[3]),
                    Value::Text(&t[4]),
                    Value::Text(&t[5]),
                    Value::Int(r.township_id),
                    Value::Text(&t[6]),
                    r.issued_by.map_or(Value::Null, Value::Int),
                    Value::Text(r.via),
                    r.verified_on.as_deref().map_or(Value::Null, Value::Text),
                    Value::Text(r.status),
                    Value::Text(&t[7]),
                    Value::Text(&t[7]),
                ]);
            }
            w.rows(0, &values)?;
            done += n;
        }
        Ok(())
    })
    .await?;
    let last = first + total as i64 - 1;
    tx.ids_used_until("community_cards", last).await?;
    tx.execute(
        Sql::new(
            "INSERT INTO community_card_logins (card_id, password_hash, updated_at) \
             SELECT id, $1, $2 FROM community_cards WHERE id >= $3",
        )
        .arg(hash.as_str())
        .arg(platform::time::now())
        .arg(first),
    )
    .await?;
    tx.commit().await?;
    Ok(total)
}
