//! Demo supervision: the three frameworks (发展性督导, 三课两操两活动, 就近入学),
//! published; this year's 发展性督导 campaign of 14 schools (more in larger
//! districts), half of them evaluated with every indicator answered; and
//! an order for each evaluated school's weakest indicator: two closed on
//! time after a response with evidence, one responded and waiting for the
//! re-check, one overdue, the rest under way.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use inspection::domain::{Answer, Body, Framework, Method, Owner, Points, Purpose, Source};
use inspection::service::campaigns::{self, NewCampaign, NewTarget};
use inspection::service::evidence::{attach, Subject, Upload};
use inspection::service::frameworks::{self, NewFramework};
use inspection::service::orders::{issue_in, NewOrder};
use platform::area::DemoSize;
use platform::auth::Caller;
use platform::db::{Db, Sql, Tx};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::demo_frameworks;
use crate::store::demo as writer;
use crate::store::inspectors::SUPERVISED;

/// Schools of the seed's campaign (14, of which 7 evaluated).
const SEED_SCHOOLS: usize = 14;

/// A one-page PDF standing for the scanned reports of the demo.
const REPORT_PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn published(
    db: &Db,
    caller: &Caller,
    purpose: Purpose,
    name: String,
    year: i64,
    framework: Framework,
) -> anyhow::Result<inspection::domain::FrameworkId> {
    let input = NewFramework {
        owner: Owner::Supervision,
        purpose,
        name,
        year,
        framework,
    };
    let id = frameworks::create(db, caller, &input).await?;
    frameworks::publish(db, caller, id).await?;
    Ok(id)
}

/// Writes the demo's frameworks, campaign, results and orders; returns how
/// many records were made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let caller = Caller::system("demo");
    let today = platform::time::today();
    let year = i64::from(today.year());
    let dev = demo_frameworks::development();
    let dev_id = published(
        db,
        &caller,
        Purpose::Development,
        format!("{year}年中小学校发展性督导评估标准"),
        year,
        dev.clone(),
    )
    .await?;
    published(
        db,
        &caller,
        Purpose::Special,
        "三课两操两活动专项督导评估标准".into(),
        year,
        demo_frameworks::three_two_two(),
    )
    .await?;
    published(
        db,
        &caller,
        Purpose::Special,
        "义务教育就近入学专项督导评估标准".into(),
        year,
        demo_frameworks::nearby(),
    )
    .await?;
    let schools: Vec<(i64, String)> = db
        .fetch_all(Sql::new(format!(
            "SELECT i.id, COALESCE(a.inspector_name, '') FROM institutions i \
             LEFT JOIN supervision_assignments a ON a.institution_id = i.id AND a.ends_on IS NULL \
             WHERE {SUPERVISED} AND i.school_type NOT LIKE '1%' ORDER BY i.id"
        )))
        .await?;
    let wanted = SEED_SCHOOLS
        * match size {
            DemoSize::Small => 1,
            DemoSize::City => 3,
            DemoSize::Province => 8,
        };
    let targets: Vec<NewTarget> = schools
        .iter()
        .take(wanted)
        .map(|(id, inspector)| NewTarget {
            institution_id: *id,
            inspector: inspector.clone(),
        })
        .collect();
    if targets.is_empty() {
        return Ok(3);
    }
    let starts_on = today - Duration::days(70);
    let campaign = campaigns::create(
        db,
        &caller,
        &NewCampaign {
            owner: Owner::Supervision,
            framework_id: dev_id,
            title: format!("{year}年中小学校发展性督导评估"),
            starts_on,
            ends_on: today + Duration::days(21),
            lead_inspector: "督导室 卫老师".into(),
            note: "学校自评、督学实地评估、反馈整改".into(),
            targets: targets.clone(),
        },
    )
    .await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x0840_0007);
    let mut tx = db.begin().await?;
    let mut made = 4 + targets.len() as u64;
    for (n, t) in targets.iter().take(targets.len().div_ceil(2)).enumerate() {
        let answers = answers(&dev, &mut rng);
        let scored = dev.score(&answers).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let on = starts_on + Duration::days(20 + n as i64 * 3);
        let json = serde_json::to_string(&answers)?;
        writer::score_target(&mut tx, campaign, t.institution_id, &json, &scored, at(on)).await?;
        let weakest = dev
            .leaves()
            .into_iter()
            .filter(|l| l.points > Points::ZERO)
            .min_by_key(|l| {
                (
                    scored.by_code[l.code.as_str()].0 * 100 / l.points.0,
                    l.code.clone(),
                )
            })
            .map(|l| l.title.clone())
            .unwrap_or_default();
        made += order_for(
            &mut tx,
            &caller,
            (campaign, t.institution_id),
            &weakest,
            on,
            n,
            today,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(made)
}

fn at(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    platform::time::from_local(day.and_hms_opt(10, 0, 0).unwrap_or_default())
}

/// An evaluation's answers: mostly good levels, most checks met, range
/// indicators at 60–100% of their points, no veto.
fn answers(f: &Framework, rng: &mut ChaCha8Rng) -> BTreeMap<String, Answer> {
    f.leaves()
        .into_iter()
        .filter_map(|l| {
            let Body::Leaf(method) = &l.body else {
                return None;
            };
            let answer = match method {
                Method::Levels(options) => {
                    let i = [0, 0, 1, 1, 1, 2, 3][rng.gen_range(0..7)].min(options.len() - 1);
                    Answer::Level(options[i].label.clone())
                }
                Method::Checklist(checks) => {
                    Answer::Checks(checks.iter().map(|_| rng.gen_bool(0.8)).collect())
                }
                Method::Range { .. } => {
                    Answer::Value(Points(l.points.0 * rng.gen_range(6..=10) / 10))
                }
                Method::Veto { .. } => Answer::Veto(false),
            };
            Some((l.code.clone(), answer))
        })
        .collect()
}

/// The order for an evaluated school's weakest indicator, issued the day
/// it was scored; the `n`th school's order is closed by its deadline (0,
/// 1), waiting for the re-check (2), overdue (3) or under way.
async fn order_for(
    tx: &mut Tx,
    caller: &Caller,
    (campaign, institution_id): (inspection::domain::CampaignId, i64),
    weakest: &str,
    issued_on: NaiveDate,
    n: usize,
    today: NaiveDate,
) -> anyhow::Result<u64> {
    let deadline = match n {
        0 | 1 => issued_on + Duration::days(25),
        3 => today - Duration::days(10),
        _ => today + Duration::days(30),
    };
    let order = NewOrder {
        owner: Owner::Supervision,
        institution_id,
        campaign_id: Some(campaign),
        source: Source::Campaign,
        source_id: Some(campaign.0),
        finding: format!("“{weakest}”得分偏低"),
        requirement: format!("针对“{weakest}”制定整改方案，落实到人，按期报送整改情况"),
        responsible_person: "校长".into(),
        deadline,
    };
    let id = issue_in(tx, caller, &order, issued_on).await?;
    if n > 2 {
        return Ok(1);
    }
    let responded = issued_on + Duration::days(14);
    files(tx, caller, institution_id, "order_response", id.0).await?;
    writer::order_event(
        tx,
        id,
        "respond",
        "已按要求完成整改，附整改报告",
        responded,
        at(responded),
    )
    .await?;
    if n < 2 {
        let closed = responded + Duration::days(5);
        files(tx, caller, institution_id, "order_recheck", id.0).await?;
        writer::order_event(tx, id, "close", "复查合格，予以销号", closed, at(closed)).await?;
    }
    Ok(1)
}

async fn files(
    tx: &mut Tx,
    caller: &Caller,
    institution_id: i64,
    kind: &str,
    id: i64,
) -> anyhow::Result<()> {
    let subject = Subject {
        owner: Owner::Supervision,
        institution_id: Some(institution_id),
        kind,
        id,
        indicator_code: "",
    };
    let upload = Upload {
        file_name: if kind == "order_response" {
            "整改情况报告.pdf"
        } else {
            "复查记录.pdf"
        }
        .into(),
        bytes: REPORT_PDF.to_vec(),
    };
    attach(tx, caller, subject, &[upload]).await?;
    Ok(())
}
