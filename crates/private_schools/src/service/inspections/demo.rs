//! The demo's 年检 and 等级验收: a 年检 campaign over the district's private
//! schools, scored, whose results read as the seed says — every school
//! passes but one, which fails and is closed (see the closures' demo) —
//! and a grading campaign (3/14–4/28) over the private kindergartens, the
//! ungraded ones ordered to rectify.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use inspection::domain::{
    Answer, Band, Body, CampaignId, Framework, LevelOption, Method, Node, Owner, Points, Purpose,
    Source,
};
use inspection::store::campaigns::{self as campaigns, NewCampaignRow};
use inspection::store::frameworks::{self as frameworks, NewFrameworkRow};
use inspection::store::orders::{self as orders, NewOrderRow};
use platform::area::DemoSize;
use platform::db::{Db, Sql, Tx};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::inspections::Kind;
use crate::store::inspections::{self as store, NewResult};

const LEVELS: [(&str, i64); 4] = [("A", 25), ("B", 20), ("C", 15), ("D", 5)];

/// Four indicators of 25 points, each scored A/B/C/D, with `bands`.
fn standard(titles: [&str; 4], bands: &[(&str, i64)]) -> Framework {
    let leaf = |n: usize, title: &str| Node {
        code: format!("{}", n + 1),
        title: title.into(),
        points: Points::whole(25),
        evidence: vec![],
        body: Body::Leaf(Method::Levels(
            LEVELS
                .iter()
                .map(|(l, p)| LevelOption {
                    label: (*l).into(),
                    points: Points::whole(*p),
                })
                .collect(),
        )),
    };
    Framework {
        total: Points::whole(100),
        items: titles.iter().enumerate().map(|(n, t)| leaf(n, t)).collect(),
        bands: bands
            .iter()
            .map(|(l, m)| Band {
                label: (*l).into(),
                min: Points::whole(*m),
            })
            .collect(),
    }
}

/// The private institutions of one kind: (id, name), in creation order.
async fn private(db: &Db, kindergartens: bool) -> anyhow::Result<Vec<(i64, String)>> {
    let kind = if kindergartens { "LIKE" } else { "NOT LIKE" };
    let q = Sql::new(format!(
        "SELECT id, name FROM institutions WHERE ownership <> 'public' AND licence = 'licensed' \
         AND status = 'active' AND school_type {kind} '11%' ORDER BY id"
    ));
    Ok(db.fetch_all(q).await?)
}

struct Run<'a> {
    tx: Tx,
    rng: ChaCha8Rng,
    year: i64,
    kind: Kind,
    framework: &'a Framework,
}

impl Run<'_> {
    /// A campaign scored for `targets` (the n-th fails when `fail(n)`):
    /// the results written as (result id, institution, result, campaign).
    async fn campaign(
        &mut self,
        title: &str,
        (starts, ends): (NaiveDate, NaiveDate),
        targets: &[(i64, String)],
        fail: impl Fn(usize) -> bool,
    ) -> anyhow::Result<Vec<(i64, i64, String, CampaignId)>> {
        let purpose = match self.kind {
            Kind::Annual => Purpose::AnnualInspection,
            Kind::Grading => Purpose::KindergartenGrading,
        };
        let fid = frameworks::insert(
            &mut self.tx,
            &NewFrameworkRow {
                owner: Owner::Private,
                purpose,
                name: &format!("{}评估标准", self.kind.label()),
                year: self.year,
                version: 1,
                framework: self.framework,
                created_by: None,
                based_on: None,
            },
        )
        .await?;
        frameworks::publish(&mut self.tx, fid).await?;
        let cid = campaigns::insert(
            &mut self.tx,
            &NewCampaignRow {
                owner: Owner::Private,
                framework_id: fid,
                title,
                starts_on: starts,
                ends_on: ends,
                lead_inspector: "民办教育科 邱老师",
                note: "",
                created_by: None,
            },
        )
        .await?;
        let mut out = Vec::new();
        for (n, (id, _)) in targets.iter().enumerate() {
            campaigns::insert_target(&mut self.tx, cid, *id, "督学 施老师").await?;
            let answers: BTreeMap<String, Answer> = (1..=4)
                .map(|code| {
                    let level = if fail(n) {
                        "D"
                    } else {
                        LEVELS[self.rng.gen_range(0..3)].0
                    };
                    (code.to_string(), Answer::Level(level.into()))
                })
                .collect();
            let scored = self
                .framework
                .score(&answers)
                .map_err(|e| anyhow::anyhow!("demo answers: {e:?}"))?;
            let band = scored.band.clone().unwrap_or_default();
            store::record_score(
                &mut self.tx,
                cid,
                *id,
                &serde_json::to_string(&answers)?,
                &scored,
                ends,
            )
            .await?;
            let result = self.kind.from_band(&band);
            let rid = store::insert(
                &mut self.tx,
                &NewResult {
                    kind: self.kind,
                    year: self.year,
                    institution_id: *id,
                    campaign_id: Some(cid.0),
                    result,
                    basis: "campaign",
                    reason: "",
                    decided_by: None,
                },
            )
            .await?;
            out.push((rid, *id, result.to_string(), cid));
        }
        Ok(out)
    }
}

fn day(year: i64, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year as i32, m, d).unwrap_or_default()
}

/// Writes the demo's campaigns and results; returns the results made.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let today = platform::time::today();
    let year = today.year() as i64;
    let schools = private(db, false).await?;
    let kindergartens = private(db, true).await?;
    let annual = standard(
        [
            "办学方向与章程执行",
            "师资与队伍管理",
            "财务与资产管理",
            "安全与办学条件",
        ],
        &[("合格", 80), ("基本合格", 60), ("不合格", 0)],
    );
    let grading = standard(
        ["办园条件", "保育教育", "队伍建设", "内部管理"],
        &[
            ("一级幼儿园", 90),
            ("二级幼儿园", 75),
            ("三级幼儿园", 60),
            ("未定级", 0),
        ],
    );
    let mut made = 0u64;
    let mut run = Run {
        tx: db.begin().await?,
        rng: ChaCha8Rng::seed_from_u64(0x0850_2026),
        year,
        kind: Kind::Annual,
        framework: &annual,
    };
    // The seed: of twelve private schools, eleven pass and the last fails
    // (and is closed); at larger sizes one in twelve fails.
    let annual_results = run
        .campaign(
            &format!("{year}年度民办学校年检"),
            (day(year, 1, 10), day(year, 2, 28)),
            &schools,
            |n| n % 12 == 11 || (schools.len() < 12 && n + 1 == schools.len()),
        )
        .await?;
    made += annual_results.len() as u64;
    let Run { tx, rng, .. } = run;
    let mut run = Run {
        tx,
        rng,
        year,
        kind: Kind::Grading,
        framework: &grading,
    };
    let graded = run
        .campaign(
            &format!("{year}年民办幼儿园等级验收（3月14日—4月28日突击检查）"),
            (day(year, 3, 14), day(year, 4, 28)),
            &kindergartens,
            |n| n % 9 == 4,
        )
        .await?;
    made += graded.len() as u64;
    let mut tx = run.tx;
    for (rid, inst, result, cid) in &graded {
        if Kind::Grading.fails(result) {
            let order = orders::insert(
                &mut tx,
                &NewOrderRow {
                    owner: Owner::Private,
                    institution_id: *inst,
                    campaign_id: Some(*cid),
                    source: Source::Campaign,
                    source_id: Some(*rid),
                    number: "",
                    finding: &format!("{year}年等级验收结果：未定级"),
                    requirement:
                        "按《幼儿园办园行为督导评估办法》整改办园条件与保育教育，整改后申请复查",
                    responsible_person: "园长",
                    deadline: today + Duration::days(60),
                    issued_by: None,
                    issued_on: today,
                },
            )
            .await?;
            store::set_order(&mut tx, *rid, order.0).await?;
        }
    }
    platform::area::demo::commit_recorded(
        tx,
        format!("生成民办教育演示数据：年检与等级验收结果 {made} 条"),
    )
    .await?;
    Ok(made)
}
