//! The demo district: the bureau of 湖州市南浔区 (its GB/T 2260 codes and the
//! real names of its 2 streets and 8 towns, loaded from the division table),
//! with fictional institutions and people. The platform makes the district
//! and the bureau's accounts; each area then adds its part.

use platform::area::DemoRun;
use platform::auth::users::{self, NewUser};
use platform::auth::Section::{
    AidCentre, BasicEducation, Office, Personnel, Preschool, PrivateEducation, Safety, Supervision,
    VocationalAdult,
};
use platform::auth::{password, Role, Section};
use platform::codes;
use platform::db::Db;
use platform::district::{self, District};

pub const DIVISION: &str = "330503";
pub use platform::area::demo::DEMO_PASSWORD;
pub use platform::area::DemoSize as Size;

/// The bureau staff accounts of the demo (username, name, role).
pub const STAFF: &[(&str, &str, Role)] = &[
    ("admin", "陈局长", Role::Leadership),
    ("jijiao", "基教科 周老师", section(BasicEducation)),
    ("xueqian", "学前科 沈老师", section(Preschool)),
    ("zizhu", "资助中心 费老师", section(AidCentre)),
    ("minban", "民办教育科 邱老师", section(PrivateEducation)),
    ("renshi", "人事科 钱老师", section(Personnel)),
    ("duxue", "督学 施老师", Role::Inspector),
    ("dudao", "督导室 卫老师", section(Supervision)),
    ("anquanke", "安全科 褚老师", section(Safety)),
    ("zhicheng", "职成科 蒋老师", section(VocationalAdult)),
    ("bangongshi", "办公室 韩老师", section(Office)),
];

const fn section(s: Section) -> Role {
    Role::Section(s)
}

/// What the demo made: (what, how many) lines, in the order of the areas.
pub struct Report {
    pub made: Vec<(&'static str, u64)>,
}

impl Report {
    /// "137 个机构，143 个账号，…" for the command line.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .made
            .iter()
            .map(|(what, n)| format!("{what} {n}"))
            .collect();
        parts.join("，")
    }
}

/// Fills an empty database with the demo district. Refuses a database that
/// already has a district, so real data is never mixed with demo data.
pub async fn seed(db: &Db, size: Size) -> anyhow::Result<Report> {
    seed_with_progress(db, size, |_| {}).await
}

/// The same, reporting how many records the running step has made so far.
pub async fn seed_with_progress(
    db: &Db,
    size: Size,
    progress: impl Fn(u64) + Send + Sync,
) -> anyhow::Result<Report> {
    if district::district(db).await?.is_some() {
        anyhow::bail!("数据库中已有辖区数据：演示数据只能写入空数据库");
    }
    // One hash for every demo account: demo passwords are public anyway, and
    // hashing 150 times would take most of the seeding time.
    let hash = password::hash(DEMO_PASSWORD.into()).await?;
    let mut made = vec![("局机关账号", district_and_staff(db, &hash).await?)];
    let run = DemoRun {
        db,
        size,
        password_hash: &hash,
        progress: &progress,
    };
    for step in crate::AREAS.iter().filter_map(|a| a.demo) {
        made.extend(step(&run).await?);
    }
    Ok(Report { made })
}

/// The district, its townships and the bureau's staff accounts.
async fn district_and_staff(db: &Db, hash: &str) -> anyhow::Result<u64> {
    let county = codes::division(DIVISION)
        .ok_or_else(|| anyhow::anyhow!("division table lacks {DIVISION}"))?;
    let city = county
        .parent_code
        .as_deref()
        .and_then(codes::division)
        .map(|d| d.name.as_str())
        .unwrap_or("");
    let mut tx = db.begin().await?;
    district::create_district(
        &mut tx,
        &District {
            division_code: county.code.clone(),
            name: format!("{city}{}", county.name),
            bureau_name: format!("{city}{}教育局", county.name),
        },
    )
    .await?;
    for t in codes::townships_of(DIVISION) {
        let (kind, urban_rural) = if t.name.ends_with("街道") {
            ("street", "urban")
        } else if t.name.ends_with('乡') {
            ("township", "rural")
        } else if t.name == "南浔镇" || t.name == "双林镇" || t.name == "练市镇" {
            ("town", "town")
        } else {
            ("town", "rural")
        };
        district::create_township(&mut tx, &t.code, &t.name, kind, urban_rural).await?;
    }
    for (username, name, role) in STAFF {
        users::create(
            &mut tx,
            NewUser {
                username,
                display_name: name,
                password_hash: hash,
                role: *role,
                institution: None,
                must_change_password: false,
            },
        )
        .await?;
    }
    let summary = format!("生成演示辖区：{} 个局机关账号", STAFF.len());
    platform::area::demo::commit_recorded(tx, summary).await?;
    Ok(STAFF.len() as u64)
}
