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

mod data;
use data::{DISTRICT_SCHOOLS, GIVEN, PRIVATE_KG_NAMES, SURNAMES, TRAINING_NAMES, VILLAGES};

/// The first school year with capacity figures in the demo.
pub const FIRST_YEAR: i64 = 2021;
pub const LAST_YEAR: i64 = 2025;

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
    // District-level schools, in the seat or the second township.
    for &(name, school_type, ownership, classes, per_class, boarding, second, des) in
        DISTRICT_SCHOOLS
    {
        let t = &townships[usize::from(second)];
        let n = c.inst(
            t,
            name.into(),
            school_type,
            ownership,
            Licensed,
            classes..classes + 1,
            per_class,
            boarding,
        );
        out.push(Plan {
            n,
            designations: des.to_vec(),
        });
    }
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
mod tests;
