//! Records the area's tests start from, written straight into the
//! database: private institutions with pupils and their accounts, and
//! scored campaigns of the inspection mechanism.

#![allow(dead_code)]

use chrono::NaiveDate;
use inspection::domain::{Band, Body, Framework, Method, Node, Owner, Points, Purpose};
use inspection::store::campaigns::{self, NewCampaignRow};
use inspection::store::frameworks::{self, NewFrameworkRow};
use platform::db::Sql;

use crate::common::TestApp;

/// Active private institutions of the demo that have pupils (kindergartens
/// last), by id: (id, account).
pub async fn private_with_pupils(app: &TestApp) -> Vec<(i64, String)> {
    app.db
        .fetch_all(Sql::new(
            "SELECT i.id, u.username FROM institutions i JOIN users u ON u.institution_id = i.id \
             WHERE i.ownership <> 'public' AND i.status = 'active' AND i.licence = 'licensed' \
             AND EXISTS (SELECT 1 FROM students_enrolments e WHERE e.institution_id = i.id AND e.status <> 'left') \
             ORDER BY CASE WHEN i.school_type LIKE '11%' THEN 1 ELSE 0 END, i.id",
        ))
        .await
        .expect("private institutions")
}

/// Active private institutions of the demo (any), by id: (id, account).
pub async fn private_institutions(app: &TestApp) -> Vec<(i64, String)> {
    app.db
        .fetch_all(Sql::new(
            "SELECT i.id, u.username FROM institutions i JOIN users u ON u.institution_id = i.id \
             WHERE i.ownership <> 'public' AND i.status = 'active' AND i.licence = 'licensed' ORDER BY i.id",
        ))
        .await
        .expect("private institutions")
}

/// A public institution's id.
pub async fn public_institution(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new(
            "SELECT MIN(id) FROM institutions WHERE ownership = 'public' AND status = 'active'",
        ))
        .await
        .expect("a public institution")
}

fn framework() -> Framework {
    Framework {
        total: Points::whole(100),
        items: vec![Node {
            code: "1".into(),
            title: "办学行为".into(),
            points: Points::whole(100),
            evidence: vec![],
            body: Body::Leaf(Method::Range { min: Points::ZERO }),
        }],
        bands: [("合格", 80), ("基本合格", 60), ("不合格", 0)]
            .iter()
            .map(|(l, m)| Band {
                label: (*l).into(),
                min: Points::whole(*m),
            })
            .collect(),
    }
}

/// A published framework of `purpose` and a campaign on it starting on
/// `starts`, with each institution scored to its band; the campaign's id.
pub async fn scored_campaign(
    app: &TestApp,
    purpose: Purpose,
    starts: NaiveDate,
    bands: &[(i64, &str)],
) -> i64 {
    let f = framework();
    let mut tx = app.db.begin().await.expect("tx");
    let fid = frameworks::insert(
        &mut tx,
        &NewFrameworkRow {
            owner: Owner::Private,
            purpose,
            name: &format!("测试标准{starts}{}", purpose.as_str()),
            year: i64::from(chrono::Datelike::year(&starts)),
            version: 1,
            framework: &f,
            created_by: None,
            based_on: None,
        },
    )
    .await
    .expect("framework");
    frameworks::publish(&mut tx, fid).await.expect("publish");
    let cid = campaigns::insert(
        &mut tx,
        &NewCampaignRow {
            owner: Owner::Private,
            framework_id: fid,
            title: &format!("测试评估{starts}"),
            starts_on: starts,
            ends_on: starts,
            lead_inspector: "",
            note: "",
            created_by: None,
        },
    )
    .await
    .expect("campaign");
    for (inst, band) in bands {
        campaigns::insert_target(&mut tx, cid, *inst, "")
            .await
            .expect("target");
        tx.execute(
            Sql::new("UPDATE inspection_targets SET band = $1, scored_at = $2 WHERE campaign_id = $3 AND institution_id = $4")
                .arg(*band)
                .arg(platform::time::now())
                .arg(cid)
                .arg(*inst),
        )
        .await
        .expect("score");
    }
    tx.commit().await.expect("commit");
    cid.0
}

/// How many audit entries of `entity` with `action` there are.
pub async fn audited(app: &TestApp, action: &str, entity: &str) -> i64 {
    app.db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND entity = $2")
                .arg(action)
                .arg(entity),
        )
        .await
        .expect("audit count")
}

/// A tiny valid PNG.
pub fn png() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(2, 2)
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}
