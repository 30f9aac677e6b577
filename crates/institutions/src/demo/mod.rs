//! The demo district's institutions: about 150 of every type, with capacity
//! over several school years, designations and unlicensed kindergartens
//! under tracking. Deterministic: the same seed gives the same district.

use chrono::NaiveDate;
use platform::db::{DbError, Tx};
use platform::district::Township;
use platform::InstitutionId;
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::{
    DesignationEvent, Licence, NewDesignation, NewInstitution, NewTrackingEvent, Ownership, Status,
    TrackingStatus,
};
use crate::store;

/// The first school year with capacity figures in the demo.
pub const FIRST_YEAR: i64 = 2021;
pub const LAST_YEAR: i64 = 2025;

const PRIVATE_KG_NAMES: &[&str] = &[
    "小太阳",
    "蓝天",
    "童心",
    "金色摇篮",
    "七彩虹",
    "贝贝",
    "启明星",
    "阳光宝贝",
    "快乐岛",
    "小橡树",
    "未来星",
    "春苗",
    "育英",
    "博雅",
    "嘉禾",
    "爱弥儿",
    "晨曦",
    "星河",
];
const TRAINING_NAMES: &[&str] = &[
    "新东方",
    "学而思",
    "博文",
    "智慧树",
    "书香",
    "翰林",
    "琴韵艺术",
    "墨香书法",
    "跃动体育",
    "创客科技",
    "英才",
    "育才",
];
const VILLAGES: &[&str] = &[
    "东风", "红旗", "新港", "荻港", "沈庄", "马腰", "息塘", "横街", "洪塘", "金村", "陈家", "李庄",
    "湖滨", "桥头", "新塍", "长超",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "沈", "朱", "钱", "费",
    "邱", "施",
];
const GIVEN: &[&str] = &[
    "建国", "丽华", "志强", "秀英", "海燕", "国平", "晓东", "美玲", "卫东", "红梅", "永明", "春燕",
    "伟", "静", "敏", "军", "芳", "勇",
];

/// One institution to create, before it has an id.
struct Plan {
    n: NewInstitution,
    designations: Vec<(&'static str, DesignationEvent, i64)>,
}

struct Ctx<'a> {
    rng: &'a mut ChaCha8Rng,
    next_code: u32,
}

impl Ctx<'_> {
    fn code(&mut self) -> Option<String> {
        self.next_code += 1;
        Some(format!("2133{:06}", 503_000 + self.next_code))
    }

    fn person(&mut self) -> String {
        format!(
            "{}{}",
            SURNAMES.choose(self.rng).unwrap_or(&"王"),
            GIVEN.choose(self.rng).unwrap_or(&"伟")
        )
    }

    fn phone(&mut self) -> String {
        format!("0572-{}", self.rng.gen_range(3_000_000..3_999_999))
    }

    #[allow(clippy::too_many_arguments)]
    fn inst(
        &mut self,
        t: &Township,
        name: String,
        school_type: &str,
        ownership: Ownership,
        licence: Licence,
        classes: std::ops::Range<i64>,
        per_class: i64,
        boarding: bool,
    ) -> NewInstitution {
        let classes = self.rng.gen_range(classes);
        // Unlicensed kindergartens have no 学校标识码.
        let code = if licence == Licence::Licensed {
            self.code()
        } else {
            None
        };
        let short = t
            .name
            .trim_end_matches(['镇', '乡'])
            .trim_end_matches("街道");
        NewInstitution {
            code,
            name,
            school_type: school_type.into(),
            ownership,
            licence,
            status: Status::Active,
            township_id: t.id,
            address: format!(
                "湖州市南浔区{}{}路{}号",
                t.name,
                short,
                self.rng.gen_range(1..300)
            ),
            principal: self.person(),
            phone: self.phone(),
            founded_year: Some(self.rng.gen_range(1950..2018)),
            approved_places: classes * per_class,
            class_count: classes,
            boarding,
            group_name: None,
            notes: String::new(),
        }
    }
}

fn short_name(t: &Township) -> &str {
    t.name
        .trim_end_matches("街道")
        .trim_end_matches(['镇', '乡'])
}

fn plans(townships: &[Township], rng: &mut ChaCha8Rng) -> Vec<Plan> {
    use Licence::*;
    use Ownership::*;
    let mut c = Ctx { rng, next_code: 0 };
    let mut out = Vec::new();
    let plain = |n: NewInstitution| Plan {
        n,
        designations: vec![],
    };
    let seat = &townships[0];
    // District-level schools, in the seat.
    let mut push = |p: Plan| out.push(p);
    push(Plan {
        n: c.inst(
            seat,
            "南浔区实验小学".into(),
            "211",
            Public,
            Licensed,
            36..36 + 1,
            45,
            false,
        ),
        designations: vec![
            ("优质学校", DesignationEvent::Awarded, 2016),
            ("特色学校", DesignationEvent::Awarded, 2019),
        ],
    });
    push(Plan {
        n: c.inst(
            seat,
            "南浔区第一中学".into(),
            "341",
            Public,
            Licensed,
            42..42 + 1,
            50,
            true,
        ),
        designations: vec![
            ("实验性示范性高中", DesignationEvent::Awarded, 2012),
            ("实验性示范性高中", DesignationEvent::Reverified, 2017),
            ("安全文明校园", DesignationEvent::Awarded, 2020),
        ],
    });
    push(plain(c.inst(
        seat,
        "南浔高级中学".into(),
        "342",
        Public,
        Licensed,
        36..36 + 1,
        50,
        true,
    )));
    push(plain(c.inst(
        &townships[1],
        "南浔区练溪中学".into(),
        "342",
        Public,
        Licensed,
        24..24 + 1,
        50,
        true,
    )));
    push(Plan {
        n: c.inst(
            seat,
            "南浔区职业技术学校".into(),
            "365",
            Public,
            Licensed,
            30..30 + 1,
            45,
            true,
        ),
        designations: vec![("特色学校", DesignationEvent::Awarded, 2018)],
    });
    push(plain(c.inst(
        &townships[1],
        "南浔区技工学校".into(),
        "366",
        Public,
        Licensed,
        16..16 + 1,
        40,
        true,
    )));
    push(plain(c.inst(
        seat,
        "南浔区培智学校".into(),
        "514",
        Public,
        Licensed,
        9..9 + 1,
        12,
        true,
    )));
    push(plain(c.inst(
        seat,
        "南浔区社区学院".into(),
        "932",
        Public,
        Licensed,
        20..20 + 1,
        40,
        false,
    )));
    push(plain(c.inst(
        seat,
        "南浔区老年大学".into(),
        "932",
        Public,
        Licensed,
        24..24 + 1,
        40,
        false,
    )));
    push(plain(c.inst(
        seat,
        "南浔区青少年宫".into(),
        "933",
        Public,
        Licensed,
        40..40 + 1,
        30,
        false,
    )));
    push(plain(c.inst(
        &townships[1],
        "南浔区育英学校".into(),
        "312",
        Private,
        Licensed,
        27..27 + 1,
        45,
        true,
    )));
    push(plain(c.inst(
        seat,
        "南浔区东迁实验学校".into(),
        "312",
        Public,
        Licensed,
        27..27 + 1,
        45,
        false,
    )));
    push(Plan {
        n: c.inst(
            seat,
            "南浔区机关幼儿园".into(),
            "111",
            Public,
            Licensed,
            15..15 + 1,
            30,
            false,
        ),
        designations: vec![
            ("一级幼儿园", DesignationEvent::Awarded, 2010),
            ("一级幼儿园", DesignationEvent::Reverified, 2014),
            ("市示范幼儿园", DesignationEvent::Awarded, 2018),
        ],
    });
    let mut kg_names = PRIVATE_KG_NAMES.to_vec();
    let mut training = TRAINING_NAMES.to_vec();
    for t in townships {
        let s = short_name(t);
        let rural = t.urban_rural != "urban";
        let mut villages = VILLAGES.to_vec();
        villages.shuffle(c.rng);
        let p = c.inst(
            t,
            format!("南浔区{s}中心小学"),
            "211",
            Public,
            Licensed,
            18..31,
            45,
            rural,
        );
        let des = if c.rng.gen_bool(0.4) {
            vec![(
                "安全文明校园",
                DesignationEvent::Awarded,
                c.rng.gen_range(2015..2024),
            )]
        } else {
            vec![]
        };
        out.push(Plan {
            n: p,
            designations: des,
        });
        for _ in 0..c.rng.gen_range(1..3) {
            let v = villages.pop().unwrap_or("新村");
            out.push(plain(c.inst(
                t,
                format!("南浔区{s}{v}小学"),
                "211",
                Public,
                Licensed,
                6..13,
                40,
                false,
            )));
        }
        if rural && c.rng.gen_bool(0.5) {
            let v = villages.pop().unwrap_or("山前");
            out.push(plain(c.inst(
                t,
                format!("南浔区{s}{v}教学点"),
                "218",
                Public,
                Licensed,
                3..3 + 1,
                25,
                false,
            )));
        }
        let j = c.inst(
            t,
            format!("南浔区{s}中学"),
            "311",
            Public,
            Licensed,
            12..25,
            50,
            rural,
        );
        out.push(plain(j));
        let kg = c.inst(
            t,
            format!("南浔区{s}中心幼儿园"),
            "111",
            Public,
            Licensed,
            9..16,
            30,
            false,
        );
        let passed = c.rng.gen_range(2008..2013);
        let mut des = vec![("一级幼儿园", DesignationEvent::Awarded, passed)];
        if c.rng.gen_bool(0.6) {
            des.push(("一级幼儿园", DesignationEvent::Reverified, passed + 4));
        }
        out.push(Plan {
            n: kg,
            designations: des,
        });
        for k in 0..c.rng.gen_range(3..6) {
            let name = kg_names
                .pop()
                .map(|n| format!("南浔区{n}幼儿园"))
                .unwrap_or_else(|| format!("南浔区{s}第{}幼儿园", k + 2));
            let own = if c.rng.gen_bool(0.5) {
                PrivateInclusive
            } else {
                Private
            };
            let grade = ["二级幼儿园", "三级幼儿园"]
                .choose(c.rng)
                .copied()
                .unwrap_or("三级幼儿园");
            let des = if own == PrivateInclusive {
                vec![(
                    grade,
                    DesignationEvent::Awarded,
                    c.rng.gen_range(2015..2025),
                )]
            } else {
                vec![]
            };
            out.push(Plan {
                n: c.inst(t, name, "111", own, Licensed, 3..10, 30, false),
                designations: des,
            });
        }
        out.push(plain(c.inst(
            t,
            format!("南浔区{s}社区学校"),
            "932",
            Public,
            Licensed,
            4..10,
            40,
            false,
        )));
        for _ in 0..c.rng.gen_range(1..3) {
            if let Some(n) = training.pop() {
                out.push(plain(c.inst(
                    t,
                    format!("南浔区{s}{n}培训学校"),
                    "933",
                    Private,
                    Licensed,
                    4..12,
                    20,
                    false,
                )));
            }
        }
        for k in 0..c.rng.gen_range(1..3) {
            let v = VILLAGES.choose(c.rng).copied().unwrap_or("新村");
            let mut n = c.inst(
                t,
                format!("{s}{v}幼儿看护点{}", k + 1),
                "111",
                Private,
                Unlicensed,
                1..4,
                25,
                false,
            );
            n.notes = "群众举报后排查发现".into();
            out.push(plain(n));
        }
    }
    out
}

/// What the demo created, for the caller to hand out accounts.
pub struct Seeded {
    pub institutions: Vec<(InstitutionId, String)>,
}

pub async fn seed(
    tx: &mut Tx,
    townships: &[Township],
    rng: &mut ChaCha8Rng,
) -> Result<Seeded, DbError> {
    let mut seeded = Seeded {
        institutions: Vec::new(),
    };
    for p in plans(townships, rng) {
        let id = store::create(tx, &p.n).await?;
        // Capacity grew a little each year up to the latest.
        let since = p.n.founded_year.unwrap_or(FIRST_YEAR).max(FIRST_YEAR);
        for year in since..=LAST_YEAR {
            let behind = LAST_YEAR - year;
            let classes = (p.n.class_count - behind * rng.gen_range(0..2)).max(1);
            let per = p.n.approved_places / p.n.class_count.max(1);
            store::record_year(tx, id, year, classes * per, classes).await?;
        }
        for (title, event, year) in &p.designations {
            let d = NewDesignation {
                title: title.to_string(),
                event: *event,
                year: *year,
                document: format!("浔教〔{year}〕{}号", rng.gen_range(3..120)),
                note: String::new(),
            };
            store::add_designation(tx, id, &d).await?;
        }
        if p.n.licence == Licence::Unlicensed {
            let found = NaiveDate::from_ymd_opt(2026, 3, rng.gen_range(14..28)).unwrap_or_default();
            store::add_tracking(
                tx,
                id,
                &NewTrackingEvent {
                    date: found,
                    status: TrackingStatus::Found,
                    deadline: None,
                    note: "突击检查发现无证办园".into(),
                },
                "demo",
            )
            .await?;
            if rng.gen_bool(0.7) {
                let on = found + chrono::Days::new(7);
                store::add_tracking(
                    tx,
                    id,
                    &NewTrackingEvent {
                        date: on,
                        status: TrackingStatus::Rectifying,
                        deadline: Some(on + chrono::Days::new(30)),
                        note: "下达限期整改通知书".into(),
                    },
                    "demo",
                )
                .await?;
            }
        }
        seeded.institutions.push((id, p.n.name.clone()));
    }
    Ok(seeded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Category;
    use platform::TownshipId;
    use rand::SeedableRng;

    fn towns() -> Vec<Township> {
        platform::codes::townships_of("330503")
            .into_iter()
            .enumerate()
            .map(|(i, d)| Township {
                id: TownshipId(i as i64 + 1),
                code: d.code.clone(),
                name: d.name.clone(),
                kind: if d.name.ends_with("街道") {
                    "street"
                } else {
                    "town"
                }
                .into(),
                urban_rural: if d.name.ends_with("街道") {
                    "urban"
                } else {
                    "town"
                }
                .into(),
            })
            .collect()
    }

    #[test]
    fn about_150_institutions_of_every_category_with_unique_names_and_codes() {
        let p = plans(&towns(), &mut ChaCha8Rng::seed_from_u64(2026));
        assert!((120..=180).contains(&p.len()), "{} institutions", p.len());
        for c in Category::ALL.into_iter().filter(|c| *c != Category::Other) {
            assert!(
                p.iter()
                    .any(|x| Category::of_school_type(&x.n.school_type) == c),
                "no {c:?}"
            );
        }
        let mut names: Vec<_> = p.iter().map(|x| x.n.name.clone()).collect();
        names.sort();
        let dups: Vec<_> = names
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0].clone())
            .collect();
        assert!(dups.is_empty(), "duplicate names {dups:?}");
        let mut codes: Vec<_> = p.iter().filter_map(|x| x.n.code.clone()).collect();
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n);
        assert!(p.iter().any(|x| x.n.licence == Licence::Unlicensed));
        assert!(p
            .iter()
            .any(|x| x.n.ownership == Ownership::PrivateInclusive));
    }

    #[test]
    fn same_seed_same_district() {
        let a: Vec<_> = plans(&towns(), &mut ChaCha8Rng::seed_from_u64(7))
            .into_iter()
            .map(|p| p.n)
            .collect();
        let b: Vec<_> = plans(&towns(), &mut ChaCha8Rng::seed_from_u64(7))
            .into_iter()
            .map(|p| p.n)
            .collect();
        assert_eq!(a, b);
    }
}
