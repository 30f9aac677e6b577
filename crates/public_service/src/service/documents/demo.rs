//! The demo's official documents: this year's outgoing documents numbered
//! 1..N under each prefix (浔教, 浔教办), issued to schools or sections with
//! most receipts signed in time, a few late or still unsigned, and some
//! drafts still in review or awaiting signature; incoming documents at
//! every step of their routing, some handling ones overdue.

use chrono::{Datelike, Duration, NaiveDate, SecondsFormat};
use platform::area::DemoSize;
use platform::auth::Section;
use platform::db::{BulkTable, Db, Sql, Tx, Value};
use rand::seq::SliceRandom;
use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::documents::{
    receipt_due, DocNumber, DocStatus, DocType, IncomingStatus, Issuer, Urgency, RECEIPT_DAYS,
};

/// Documents a year per issuer at the default size.
fn per_year(size: DemoSize, issuer: Issuer) -> usize {
    let base = match issuer {
        Issuer::Bureau => 60,
        Issuer::Office => 30,
    };
    match size {
        DemoSize::Small => base,
        DemoSize::City => base * 2,
        DemoSize::Province => base * 4,
    }
}

const TITLES: [(DocType, &str); 10] = [
    (DocType::Notice, "关于做好{}年秋季开学工作的通知"),
    (DocType::Notice, "关于开展校园安全隐患排查整治的通知"),
    (DocType::Opinion, "关于加强中小学生作业管理的实施意见"),
    (DocType::Decision, "关于表彰{}年度优秀教师的决定"),
    (DocType::Notice, "关于做好{}年义务教育招生入学工作的通知"),
    (DocType::Report, "关于{}年上半年教育工作情况的报告"),
    (DocType::Request, "关于调整部分学校核定学位数的请示"),
    (DocType::Letter, "关于商请协助开展学生体质健康监测的函"),
    (DocType::Minutes, "局长办公会议纪要"),
    (DocType::Notice, "关于开展防溺水专题教育活动的通知"),
];

const RECIPIENTS: BulkTable<'static> = BulkTable {
    name: "public_document_recipients",
    columns: &[
        "document_id",
        "copy_only",
        "institution_id",
        "section",
        "due_on",
        "signed_on",
        "signed_at",
        "signer_name",
    ],
};

async fn user(db: &Db, username: &str) -> anyhow::Result<Option<i64>> {
    let row: Option<(i64,)> = db
        .fetch_optional(Sql::new("SELECT id FROM users WHERE username = ").bind(username))
        .await?;
    Ok(row.map(|(id,)| id))
}

fn at(day: NaiveDate, hour: u32) -> String {
    platform::time::from_local(day.and_hms_opt(hour, 30, 0).unwrap_or_default())
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// An optional text as a bulk value.
fn opt(v: &Option<String>) -> Value<'_> {
    v.as_deref().map_or(Value::Null, Value::Text)
}

/// One receipt row's owned values.
struct Receipt {
    document: i64,
    copy_only: bool,
    institution: Option<i64>,
    section: Option<&'static str>,
    due: Option<String>,
    signed_on: Option<String>,
    signed_at: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn insert_document(
    tx: &mut Tx,
    doc_type: DocType,
    issuer: Issuer,
    title: &str,
    section: Section,
    status: DocStatus,
    number: Option<&DocNumber>,
    drafted: (Option<i64>, NaiveDate),
    signed: Option<(Option<i64>, NaiveDate, NaiveDate)>,
) -> anyhow::Result<i64> {
    let day = signed.map_or(drafted.1, |s| s.1);
    let stamp = platform::time::from_local(day.and_hms_opt(10, 30, 0).unwrap_or_default());
    let q = Sql::new(
        "INSERT INTO public_documents (doc_type, issuer, title, body, section, status, prefix, year, seq, \
         drafted_by, drafter_name, drafted_on, signed_by, signed_on, receipt_due, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
    )
    .arg(doc_type)
    .arg(issuer)
    .arg(title)
    .arg(format!("各学校、幼儿园：\n为进一步做好相关工作，现将{title}有关事项通知如下。\n请各单位认真贯彻落实。"))
    .arg(section.key())
    .arg(status)
    .arg(number.map(|n| n.prefix.clone()))
    .arg(number.map(|n| n.year))
    .arg(number.map(|n| n.seq))
    .arg(drafted.0)
    .arg(format!("{}经办人", section.label()))
    .arg(drafted.1)
    .arg(signed.and_then(|s| s.0))
    .arg(signed.map(|s| s.1))
    .arg(signed.map(|s| s.2))
    .arg(stamp);
    Ok(tx.scalar(q).await?)
}

/// Writes the demo's documents; returns how many were made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let schools: Vec<(i64,)> = db
        .fetch_all(Sql::new(
            "SELECT id FROM institutions WHERE status = 'active' ORDER BY id",
        ))
        .await?;
    let schools: Vec<i64> = schools.into_iter().map(|(id,)| id).collect();
    let drafter = user(db, "jijiao").await?;
    let office = user(db, "bangongshi").await?;
    let leader = user(db, "admin").await?;
    let today = platform::time::today();
    let jan1 = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let span = (today - jan1).num_days().max(1);
    let mut rng = ChaCha8Rng::seed_from_u64(0x1160_0018);
    let mut receipts: Vec<Receipt> = Vec::new();
    let mut made = 0u64;
    let mut tx = db.begin().await?;
    for issuer in Issuer::ALL.iter().copied() {
        let n = per_year(size, issuer);
        let section = match issuer {
            Issuer::Bureau => Section::BasicEducation,
            Issuer::Office => Section::Office,
        };
        let by = if issuer == Issuer::Bureau {
            drafter
        } else {
            office
        };
        for k in 0..n {
            let (doc_type, title) = TITLES[k % TITLES.len()];
            let title = title.replace("{}", &today.year().to_string());
            let signed_on = jan1 + Duration::days(span * k as i64 / n as i64);
            let drafted_on = (signed_on - Duration::days(rng.gen_range(1..=6))).max(jan1);
            let number = DocNumber::next(
                issuer.default_prefix(),
                today.year(),
                (k > 0).then_some(k as u32),
            );
            let due = receipt_due(signed_on, RECEIPT_DAYS, true);
            let id = insert_document(
                &mut tx,
                doc_type,
                issuer,
                &title,
                section,
                DocStatus::Issued,
                number.as_ref(),
                (by, drafted_on),
                Some((leader, signed_on, due)),
            )
            .await?;
            made += 1;
            let chosen: Vec<i64> = if k % 10 == 0 {
                schools.clone()
            } else {
                let take = rng.gen_range(3..=12).min(schools.len());
                let mut some: Vec<i64> = schools.choose_multiple(&mut rng, take).copied().collect();
                some.sort_unstable();
                some
            };
            for school in chosen {
                let roll = rng.gen_range(0..100);
                let signed = match roll {
                    0..=89 => Some(signed_on + Duration::days(rng.gen_range(0..=2))),
                    90..=94 => Some(due + Duration::days(rng.gen_range(1..=5))),
                    _ => None,
                }
                .filter(|d| *d <= today);
                receipts.push(Receipt {
                    document: id,
                    copy_only: false,
                    institution: Some(school),
                    section: None,
                    due: Some(due.to_string()),
                    signed_on: signed.map(|d| d.to_string()),
                    signed_at: signed.map(|d| at(d, 9)),
                });
            }
            receipts.push(Receipt {
                document: id,
                copy_only: true,
                institution: None,
                section: Some(Section::Office.key()),
                due: None,
                signed_on: None,
                signed_at: None,
            });
        }
        // Drafts still on their way.
        for (k, status) in [DocStatus::Draft, DocStatus::Review, DocStatus::Sign]
            .into_iter()
            .enumerate()
        {
            let (doc_type, title) = TITLES[(k + 3) % TITLES.len()];
            let title = title.replace("{}", &today.year().to_string());
            let id = insert_document(
                &mut tx,
                doc_type,
                issuer,
                &title,
                section,
                status,
                None,
                (by, today),
                None,
            )
            .await?;
            made += 1;
            for school in schools.iter().take(5) {
                receipts.push(Receipt {
                    document: id,
                    copy_only: false,
                    institution: Some(*school),
                    section: None,
                    due: None,
                    signed_on: None,
                    signed_at: None,
                });
            }
        }
    }
    let signer = "学校收发员";
    tx.bulk_insert(&[RECIPIENTS], |w| {
        for r in &receipts {
            w.rows(
                0,
                &[
                    Value::Int(r.document),
                    Value::Bool(r.copy_only),
                    r.institution.map_or(Value::Null, Value::Int),
                    r.section.map_or(Value::Null, Value::Text),
                    opt(&r.due),
                    opt(&r.signed_on),
                    opt(&r.signed_at),
                    if r.signed_on.is_some() {
                        Value::Text(signer)
                    } else {
                        Value::Null
                    },
                ],
            )?;
        }
        Ok(())
    })
    .await?;
    made += incoming_demo(&mut tx, &mut rng, office, today).await?;
    tx.commit().await?;
    Ok(made)
}

const SENDERS: [(&str, &str); 5] = [
    ("湖州市教育局", "湖教"),
    ("南浔区人民政府办公室", "浔政办"),
    ("浙江省教育厅", "浙教"),
    ("南浔区财政局", "浔财"),
    ("南浔区卫生健康局", "浔卫"),
];

/// Incoming documents: most done, some handling (a few overdue), some
/// waiting for instruction or a proposal.
async fn incoming_demo(
    tx: &mut Tx,
    rng: &mut ChaCha8Rng,
    office: Option<i64>,
    today: NaiveDate,
) -> anyhow::Result<u64> {
    let sections = [
        Section::BasicEducation,
        Section::Safety,
        Section::Finance,
        Section::Personnel,
    ];
    let mut made = 0;
    for k in 0..40i64 {
        let (sender, prefix) = SENDERS[k as usize % SENDERS.len()];
        let received = today - Duration::days(3 + (40 - k) * 8);
        let status = match k {
            0..=29 => IncomingStatus::Done,
            30..=35 => IncomingStatus::Handling,
            36..=37 => IncomingStatus::Proposed,
            _ => IncomingStatus::Registered,
        };
        let routed = matches!(status, IncomingStatus::Handling | IncomingStatus::Done);
        let section = sections[k as usize % sections.len()];
        // Handling ones: the first three past their deadline.
        let deadline = if status == IncomingStatus::Handling && k < 33 {
            today - Duration::days(2)
        } else {
            received + Duration::days(15)
        };
        let done = (status == IncomingStatus::Done)
            .then(|| (received + Duration::days(rng.gen_range(3..=20))).min(today));
        let q = Sql::new(
            "INSERT INTO public_incoming (sender, their_number, title, received_on, urgency, status, \
             proposal, instruction, section, deadline, outcome, done_on, registered_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
        )
        .arg(sender)
        .arg(format!("{prefix}〔{}〕{}号", received.year(), 10 + k))
        .arg(format!("{sender}关于{}的通知", TITLES[k as usize % TITLES.len()].1.replace("{}", "")))
        .arg(received)
        .arg(if k % 7 == 0 { Urgency::Urgent } else { Urgency::Normal })
        .arg(status)
        .arg((status != IncomingStatus::Registered).then_some(format!("拟请{}办理", section.label())))
        .arg(routed.then_some("同意，请抓紧落实".to_string()))
        .arg(routed.then_some(section.key()))
        .arg(routed.then_some(deadline))
        .arg(done.map(|_| "已按要求办理完毕".to_string()))
        .arg(done)
        .arg(office)
        .arg(platform::time::from_local(received.and_hms_opt(9, 0, 0).unwrap_or_default()));
        tx.execute(q).await?;
        made += 1;
    }
    Ok(made)
}
