//! Demo courses: at every community school a teachers' pool, a catalogue of
//! courses and 10–30 sessions a year with weekly timetables; cards of the
//! school's street enrolled (never over capacity), attendance at the
//! meetings held, and for the sessions ended their hours converted to
//! credits and their certificates issued. Enrolment, attendance, credits
//! and certificates go through the bulk writer.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveTime, SecondsFormat, Utc};
use platform::area::DemoSize;
use platform::db::{BulkTable, Db, DbError, Sql, Tx, Value};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::courses::credits::{certificate_number, ISSUED_PREFIX};
use crate::domain::courses::timetable::length_minutes;
use crate::domain::courses::{
    CourseDraft, CourseKind, Engagement, SessionDraft, TeacherDraft, WeeklyRule,
};
use crate::store::courses::sessions::{insert_meeting, insert_session};
use crate::store::courses::{active_cards, community_schools, insert_course, insert_teacher};

const CATALOGUE: &[(&str, CourseKind, i64)] = &[
    ("智能手机应用", CourseKind::Digital, 2),
    ("太极拳", CourseKind::Health, 2),
    ("中医养生", CourseKind::Health, 2),
    ("书法", CourseKind::Arts, 2),
    ("国画", CourseKind::Arts, 2),
    ("广场舞", CourseKind::Arts, 1),
    ("合唱", CourseKind::Arts, 2),
    ("家庭教育讲座", CourseKind::Parenting, 2),
    ("0–3 岁亲子早教", CourseKind::Parenting, 1),
    ("家政服务技能", CourseKind::Skills, 3),
    ("电工实用技术", CourseKind::Skills, 3),
    ("湖羊养殖技术", CourseKind::Skills, 3),
    ("法律知识进社区", CourseKind::Citizenship, 2),
    ("新市民普通话", CourseKind::Culture, 2),
    ("南浔历史文化", CourseKind::Culture, 2),
    ("反诈防骗", CourseKind::Digital, 1),
];
const SURNAMES: &[&str] = &[
    "沈", "钱", "朱", "陆", "费", "徐", "吴", "施", "姚", "潘", "王", "张",
];
const GIVEN: &[&str] = &[
    "建华", "美琴", "国强", "丽娟", "志明", "秀英", "海燕", "文斌", "晓红", "雪芳",
];
const PLACES: &[&str] = &["多功能教室", "社区活动室", "文化礼堂", "电脑教室", "舞蹈房"];
const TIMES: &[(u32, u32, u32, u32)] = &[
    (9, 0, 11, 0),
    (14, 0, 16, 0),
    (19, 0, 20, 30),
    (8, 30, 10, 0),
];

/// Years of sessions the demo shows, by district size.
fn years(size: DemoSize) -> i64 {
    match size {
        DemoSize::Small => 1,
        DemoSize::City => 2,
        DemoSize::Province => 3,
    }
}

fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// A bulk value kept until its table is written.
enum Cell {
    Int(i64),
    Text(String),
}

fn write(tx_rows: &[Vec<Cell>]) -> Vec<Value<'_>> {
    tx_rows
        .iter()
        .flatten()
        .map(|c| match c {
            Cell::Int(n) => Value::Int(*n),
            Cell::Text(t) => Value::Text(t),
        })
        .collect()
}

const ENROLMENTS: BulkTable = BulkTable {
    name: "community_enrolments",
    columns: &["session_id", "card_id", "status", "enrolled_at"],
};
const ATTENDANCE: BulkTable = BulkTable {
    name: "community_attendance",
    columns: &[
        "meeting_id",
        "session_id",
        "card_id",
        "minutes",
        "attended_at",
    ],
};
const CREDITS: BulkTable = BulkTable {
    name: "community_credits",
    columns: &[
        "card_id",
        "source",
        "source_ref",
        "minutes",
        "credits_tenths",
        "note",
        "booked_at",
    ],
};
const CERTIFICATES: BulkTable = BulkTable {
    name: "community_certificates",
    columns: &[
        "card_id",
        "number",
        "title",
        "kind",
        "session_id",
        "issued_on",
        "created_at",
    ],
};

#[derive(Default)]
struct Rows {
    enrolments: Vec<Vec<Cell>>,
    attendance: Vec<Vec<Cell>>,
    credits: Vec<Vec<Cell>>,
    certificates: Vec<Vec<Cell>>,
    /// Online cards first seen at a meeting: the day they were verified.
    verified: HashMap<i64, chrono::NaiveDate>,
    /// Certificates numbered per year.
    numbers: HashMap<i32, i64>,
}

/// Writes the demo; returns how many records.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let schools = community_schools(db).await?;
    let cards = active_cards(db).await?;
    let rules = super::rules(db).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x1030_0017);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let mut rows = Rows::default();
    let mut made = 0u64;
    for (school, township) in &schools {
        let local: Vec<&(i64, i64, bool)> = cards.iter().filter(|c| c.1 == *township).collect();
        let pool: Vec<&(i64, i64, bool)> = if local.len() >= 40 {
            local
        } else {
            cards.iter().collect()
        };
        let mut teachers = Vec::new();
        for k in 0..rng.gen_range(4..=8) {
            let d = TeacherDraft {
                name: format!(
                    "{}{}",
                    SURNAMES.choose(&mut rng).unwrap_or(&"王"),
                    GIVEN[(k + *school as usize) % GIVEN.len()]
                ),
                phone: format!("139{:08}", rng.gen_range(0..100_000_000u32)),
                speciality: CATALOGUE[rng.gen_range(0..CATALOGUE.len())].0.into(),
                engagement: if rng.gen_bool(0.6) {
                    Engagement::Volunteer
                } else {
                    Engagement::Paid
                },
            };
            teachers.push(insert_teacher(&mut tx, *school, &d).await?);
        }
        let mut courses = Vec::new();
        let offered = rng.gen_range(6..=10);
        for (title, kind, hours) in CATALOGUE.choose_multiple(&mut rng, offered) {
            let d = CourseDraft {
                title: (*title).into(),
                kind: *kind,
                description: format!("面向社区居民的{title}课程"),
                hours_per_session: *hours,
            };
            courses.push((insert_course(&mut tx, *school, &d).await?, *title));
        }
        made += (teachers.len() + courses.len()) as u64;
        for _ in 0..rng.gen_range(10..=30) * years(size) {
            let (course, title) = courses[rng.gen_range(0..courses.len())];
            let first_day = today - Duration::days(rng.gen_range(-45..365 * years(size)));
            let last_day = first_day + Duration::days(7 * rng.gen_range(6..=12) - 1);
            let (h1, m1, h2, m2) = TIMES[rng.gen_range(0..TIMES.len())];
            let rule = WeeklyRule {
                weekday: crate::domain::courses::timetable::parse_weekday(
                    &rng.gen_range(1..=6).to_string(),
                )
                .unwrap_or(chrono::Weekday::Tue),
                start: NaiveTime::from_hms_opt(h1, m1, 0).unwrap_or_default(),
                end: NaiveTime::from_hms_opt(h2, m2, 0).unwrap_or_default(),
            };
            let d = SessionDraft {
                title: format!(
                    "{}{}期",
                    title,
                    if first_day.month() <= 6 {
                        "春季"
                    } else {
                        "秋季"
                    }
                ),
                place: PLACES[rng.gen_range(0..PLACES.len())].into(),
                first_day,
                last_day,
                capacity: rng.gen_range(20..=40),
                enrol_open: last_day >= today,
                rule: Some(rule),
            };
            let teacher = teachers.choose(&mut rng).copied();
            let id = insert_session(&mut tx, course, *school, teacher, &d).await?;
            let mut meetings = Vec::new();
            for (s, e) in rule.meetings(first_day, last_day) {
                let span = (platform::time::from_local(s), platform::time::from_local(e));
                meetings.push((insert_meeting(&mut tx, id, span).await?, span));
            }
            made += 1 + meetings.len() as u64;
            let full = if first_day > today {
                rng.gen_range(0..=d.capacity / 2)
            } else {
                rng.gen_range(d.capacity * 3 / 5..=d.capacity)
            };
            let chosen: Vec<&&(i64, i64, bool)> =
                pool.choose_multiple(&mut rng, full as usize).collect();
            tx.execute(
                Sql::new("UPDATE community_sessions SET enrolled = $1 WHERE id = $2")
                    .arg(chosen.len() as i64)
                    .arg(id),
            )
            .await?;
            let enrolled_at = stamp(
                platform::time::from_local(first_day.and_hms_opt(9, 0, 0).unwrap_or_default())
                    - Duration::days(10),
            );
            let ended = last_day < today;
            let cert_title = format!("{title}结业证书");
            for card in chosen {
                let (card_id, _, online) = **card;
                rows.enrolments.push(vec![
                    Cell::Int(id.0),
                    Cell::Int(card_id),
                    Cell::Text("enrolled".into()),
                    Cell::Text(enrolled_at.clone()),
                ]);
                let keen = rng.gen_range(0.6..1.0);
                let (mut attended, mut minutes) = (0i64, 0i64);
                for (meeting, span) in &meetings {
                    if span.1 > platform::time::now() || !rng.gen_bool(keen) {
                        continue;
                    }
                    let at = span.0 + Duration::minutes(rng.gen_range(-10..15));
                    let len = length_minutes(span);
                    rows.attendance.push(vec![
                        Cell::Int(meeting.0),
                        Cell::Int(id.0),
                        Cell::Int(card_id),
                        Cell::Int(len),
                        Cell::Text(stamp(at)),
                    ]);
                    attended += 1;
                    minutes += len;
                    if online {
                        let day = platform::time::date_of(at);
                        rows.verified
                            .entry(card_id)
                            .and_modify(|d| *d = (*d).min(day))
                            .or_insert(day);
                    }
                }
                if !ended || minutes == 0 {
                    continue;
                }
                let booked = platform::time::from_local(
                    (last_day + Duration::days(2))
                        .and_hms_opt(10, 0, 0)
                        .unwrap_or_default(),
                )
                .min(platform::time::now());
                let tenths = rules.credits_tenths(minutes);
                rows.credits.push(vec![
                    Cell::Int(card_id),
                    Cell::Text("hours".into()),
                    Cell::Text(super::credits::session_ref(id)),
                    Cell::Int(minutes),
                    Cell::Int(tenths),
                    Cell::Text(d.title.clone()),
                    Cell::Text(stamp(booked)),
                ]);
                if rules.completes(attended, meetings.len() as i64) {
                    let issued_on = platform::time::date_of(booked);
                    let seq = rows.numbers.entry(issued_on.year()).or_insert(0);
                    *seq += 1;
                    rows.certificates.push(vec![
                        Cell::Int(card_id),
                        Cell::Text(certificate_number(ISSUED_PREFIX, issued_on.year(), *seq)),
                        Cell::Text(cert_title.clone()),
                        Cell::Text("course".into()),
                        Cell::Int(id.0),
                        Cell::Text(issued_on.format("%F").to_string()),
                        Cell::Text(stamp(booked)),
                    ]);
                }
            }
        }
    }
    made += write_rows(&mut tx, &rows).await?;
    tx.commit().await?;
    Ok(made)
}

async fn write_rows(tx: &mut Tx, rows: &Rows) -> Result<u64, DbError> {
    let mut made = 0;
    for (table, list) in [
        (ENROLMENTS, &rows.enrolments),
        (ATTENDANCE, &rows.attendance),
        (CREDITS, &rows.credits),
        (CERTIFICATES, &rows.certificates),
    ] {
        for chunk in list.chunks(2048) {
            let values = write(chunk);
            tx.bulk_insert(&[table], |w| w.rows(0, &values)).await?;
        }
        made += list.len() as u64;
    }
    for (card, day) in &rows.verified {
        tx.execute(
            Sql::new("UPDATE community_cards SET verified_on = $1 WHERE id = $2")
                .arg(*day)
                .arg(*card),
        )
        .await?;
    }
    Ok(made)
}
