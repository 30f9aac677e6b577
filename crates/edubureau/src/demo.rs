//! The demo district: the bureau of 湖州市南浔区 (its GB/T 2260 codes and the
//! real names of its 2 streets and 8 towns, loaded from the division table),
//! with fictional institutions and people.

use platform::audit::{self, Entry, Who};
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::codes;
use platform::db::Db;
use platform::district::{self, District};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub const DIVISION: &str = "330503";
pub const DEMO_PASSWORD: &str = "district";

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Size {
    /// The institutions, accounts and histories, and about 3,000 students (seconds).
    Small,
    /// About 120,000 students, like a real county.
    City,
    /// About 1,000,000 students, for benchmarks.
    Province,
}

impl Size {
    pub fn students(self) -> u64 {
        match self {
            Size::Small => 3_000,
            Size::City => 120_000,
            Size::Province => 1_000_000,
        }
    }
}

/// The bureau staff accounts of the demo (username, name, role).
pub const STAFF: &[(&str, &str, Role)] = &[
    ("admin", "陈局长", Role::Leadership),
    (
        "jijiao",
        "基教科 周老师",
        Role::Section(Section::BasicEducation),
    ),
    (
        "xueqian",
        "学前科 沈老师",
        Role::Section(Section::Preschool),
    ),
    (
        "zizhu",
        "资助中心 费老师",
        Role::Section(Section::AidCentre),
    ),
    (
        "minban",
        "民办教育科 邱老师",
        Role::Section(Section::PrivateEducation),
    ),
    ("duxue", "督学 施老师", Role::Inspector),
];

/// Username of the demo account of the n-th institution (1-based, in
/// creation order): school001, school002, …
pub fn institution_username(n: usize) -> String {
    format!("school{n:03}")
}

pub struct Report {
    pub institutions: usize,
    pub accounts: usize,
    pub students: u64,
}

/// Fills an empty database with the demo district. Refuses a database that
/// already has a district, so real data is never mixed with demo data.
pub async fn seed(db: &Db, size: Size) -> anyhow::Result<Report> {
    seed_with_progress(db, size, |_| {}).await
}

/// The same, reporting how many students are written so far.
pub async fn seed_with_progress(
    db: &Db,
    size: Size,
    progress: impl FnMut(u64),
) -> anyhow::Result<Report> {
    if district::district(db).await?.is_some() {
        anyhow::bail!("数据库中已有辖区数据：演示数据只能写入空数据库");
    }
    let county = codes::division(DIVISION)
        .ok_or_else(|| anyhow::anyhow!("division table lacks {DIVISION}"))?;
    let city = county
        .parent_code
        .as_deref()
        .and_then(codes::division)
        .map(|d| d.name.as_str())
        .unwrap_or("");
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
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
    tx.commit().await?;

    let townships = district::townships(db).await?;
    let mut tx = db.begin().await?;
    let seeded = institutions::demo::seed(&mut tx, &townships, &mut rng).await?;
    // One hash for every demo account: demo passwords are public anyway, and
    // hashing 150 times would take most of the seeding time.
    let hash = password::hash(DEMO_PASSWORD.into()).await?;
    let mut accounts = 0;
    for (username, name, role) in STAFF {
        users::create(
            &mut tx,
            NewUser {
                username,
                display_name: name,
                password_hash: &hash,
                role: *role,
                institution: None,
                must_change_password: false,
            },
        )
        .await?;
        accounts += 1;
    }
    for (n, (id, name)) in seeded.institutions.iter().enumerate() {
        let username = institution_username(n + 1);
        users::create(
            &mut tx,
            NewUser {
                username: &username,
                display_name: &format!("{name}管理员"),
                password_hash: &hash,
                role: Role::Institution,
                institution: Some(*id),
                must_change_password: false,
            },
        )
        .await?;
        accounts += 1;
    }
    audit::record(
        &mut tx,
        &Who::system("demo"),
        Entry::new(
            "create",
            "district",
            format!(
                "生成演示辖区：{} 个机构，{accounts} 个账号",
                seeded.institutions.len()
            ),
        ),
    )
    .await?;
    tx.commit().await?;
    let all =
        institutions::store::list_all(db, &platform::auth::Scope::All, &Default::default()).await?;
    let students =
        students::demo::seed(db, &all, &townships, size.students(), 2026, progress).await?;
    Ok(Report {
        institutions: seeded.institutions.len(),
        accounts,
        students,
    })
}
