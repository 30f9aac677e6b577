use std::io::Read;

use anyhow::Context;
use clap::{Parser, Subcommand};
use edubureau::demo;
use platform::audit::{self, Entry, Who};
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::web::Config;
use platform::InstitutionId;

/// 教育局信息系统: the information system of a district education bureau.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const DEFAULT_DB: &str = "sqlite://edubureau.db";

#[derive(Subcommand)]
enum Command {
    /// Serve the web UI and the JSON API.
    Serve {
        /// sqlite://PATH (created if missing) or postgres://…
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Fill an empty database with the demo district first.
        #[arg(long)]
        demo: bool,
        /// Applications one client address may submit per minute on the
        /// public portal.
        #[arg(long, default_value_t = 30)]
        submissions_per_minute: u32,
        /// Send cookies without the Secure flag (only behind a proxy that
        /// terminates HTTPS on another host name; never on the open network).
        #[arg(long)]
        insecure_cookies: bool,
        /// A reverse proxy in front of the server whose X-Forwarded-For
        /// header names the client (for the audit log and sign-in
        /// throttling). Repeat for several; without it the header is ignored.
        #[arg(long = "trusted-proxy", value_name = "IP")]
        trusted_proxies: Vec<std::net::IpAddr>,
    },
    /// Create the demo district in an empty database.
    Demo {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        #[arg(long, value_enum, default_value = "small")]
        size: demo::Size,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Import records from a file.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Admission rounds: run the allocation, or check a stored one.
    Admissions {
        #[command(subcommand)]
        command: AdmissionsCommand,
    },
    /// Write a synthetic student file (national template layout, UTF-8 CSV)
    /// for the schools in the database, for trials and benchmarks.
    SampleCsv {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        #[arg(long)]
        rows: u64,
        #[arg(long)]
        out: std::path::PathBuf,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Students in the national 学籍 template layout (.csv, UTF-8 or GBK; or .xlsx).
    Students {
        file: std::path::PathBuf,
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        /// Import the valid rows even if some rows are bad (default: a file
        /// with any bad row changes nothing).
        #[arg(long)]
        valid_only: bool,
        /// Write the error report (.xlsx) here when there are bad rows.
        #[arg(long)]
        errors: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum AdmissionsCommand {
    /// Run a round's allocation once (after the window closed and the seed
    /// was published) and store it with its inputs' hash and the seed.
    Run {
        #[arg(long)]
        round: i64,
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
    },
    /// Recompute a stored allocation and check capacity, stability and
    /// identity with a fresh run. Exits non-zero if anything differs.
    Verify {
        #[arg(long)]
        round: i64,
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; the password is read from standard input.
    Add {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: Option<String>,
        /// leadership, section, inspector or institution
        #[arg(long, default_value = "leadership")]
        role: String,
        /// For role=section: basic_education, preschool, aid_centre, …
        #[arg(long)]
        section: Option<String>,
        /// For role=institution: the institution's id.
        #[arg(long)]
        institution: Option<i64>,
    },
}

/// Streams a CSV (or reads an .xlsx) into the database with a progress bar.
async fn import_students(
    pool: &platform::db::Db,
    file: &std::path::Path,
    valid_only: bool,
) -> anyhow::Result<students::service::import::Outcome> {
    use students::service::import::{import, Mode, Progress, Source};
    let progress = std::sync::Arc::new(Progress::default());
    let bar = indicatif::ProgressBar::new(1000);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} {bar:40} {percent}% 已读 {prefix} 行 剩余 {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let watcher = {
        let (progress, bar) = (progress.clone(), bar.clone());
        tokio::spawn(async move {
            loop {
                bar.set_position((progress.fraction() * 1000.0) as u64);
                bar.set_prefix(
                    progress
                        .rows
                        .load(std::sync::atomic::Ordering::Relaxed)
                        .to_string(),
                );
                bar.set_message(progress.phase_label());
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
        })
    };
    let mode = if valid_only {
        Mode::ValidRowsOnly
    } else {
        Mode::AllOrNothing
    };
    let caller = platform::auth::Caller::system("import");
    let is_csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let result = if is_csv {
        let mut head = [0u8; 65536];
        let n = {
            use std::io::Read;
            std::fs::File::open(file)?.read(&mut head)?
        };
        let size = std::fs::metadata(file)?.len();
        if std::str::from_utf8(
            head[..n]
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(&head[..n]),
        )
        .is_ok()
            || n == head.len()
        {
            let reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(file)?);
            import(
                pool,
                &caller,
                Source::CsvReader {
                    reader: Box::new(reader),
                    size,
                },
                mode,
                &progress,
            )
            .await
        } else {
            let bytes = std::fs::read(file)?;
            let utf8 = students::service::import::utf8_csv(&bytes)
                .ok_or_else(|| anyhow::anyhow!("无法识别文件编码"))?
                .into_owned();
            let size = utf8.len() as u64;
            import(
                pool,
                &caller,
                Source::CsvReader {
                    reader: Box::new(std::io::Cursor::new(utf8)),
                    size,
                },
                mode,
                &progress,
            )
            .await
        }
    } else {
        let bytes = std::fs::read(file)?;
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file.xlsx")
            .to_string();
        import(
            pool,
            &caller,
            Source::Bytes { name, bytes },
            mode,
            &progress,
        )
        .await
    };
    watcher.abort();
    bar.finish_and_clear();
    result.map_err(|e| anyhow::anyhow!(e.to_string()))
}

/// mimalloc: the import allocates a dozen strings per row on the checking
/// thread and frees them on the writing one, which glibc's allocator
/// handles poorly (see docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    match Cli::parse().command {
        Command::Serve {
            db,
            addr,
            demo: with_demo,
            insecure_cookies,
            submissions_per_minute,
            trusted_proxies,
        } => {
            let pool = edubureau::open(&db)
                .await
                .with_context(|| format!("打开数据库 {db}"))?;
            if with_demo && platform::district::district(&pool).await?.is_none() {
                let r = demo::seed(&pool, demo::Size::Small).await?;
                tracing::info!(
                    institutions = r.institutions,
                    accounts = r.accounts,
                    "demo district created"
                );
            }
            if platform::auth::users::count(&pool).await? == 0 {
                tracing::warn!("no accounts yet: open the site to create the first administrator (/setup), or run `edubureau user add`");
            }
            let state = edubureau::app::state(
                pool,
                Config {
                    cookie_secure: !insecure_cookies,
                    public_submissions_per_minute: submissions_per_minute,
                    trusted_proxies,
                },
            )
            .await;
            let listener = tokio::net::TcpListener::bind(&addr)
                .await
                .with_context(|| format!("监听 {addr}"))?;
            tracing::info!("serving on http://{}", listener.local_addr()?);
            edubureau::app::serve(listener, state).await?;
        }
        Command::Demo { db, size } => {
            let pool = edubureau::open(&db).await?;
            let started = std::time::Instant::now();
            let bar = indicatif::ProgressBar::new(size.students());
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "生成学生 {bar:40} {pos}/{len} {per_sec} 剩余 {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let r = demo::seed_with_progress(&pool, size, |n| bar.set_position(n)).await?;
            bar.finish_and_clear();
            println!(
                "演示辖区已生成：{} 个机构，{} 个账号，{} 名学生，用时 {:.1} 秒",
                r.institutions,
                r.accounts,
                r.students,
                started.elapsed().as_secs_f64()
            );
        }
        Command::Import {
            what:
                ImportCommand::Students {
                    file,
                    db,
                    valid_only,
                    errors,
                },
        } => {
            let pool = edubureau::open(&db).await?;
            let outcome = import_students(&pool, &file, valid_only).await?;
            println!(
                "文件共 {} 行，导入 {} 人，错误 {} 处{}",
                outcome.rows,
                outcome.imported,
                outcome.errors.len(),
                if outcome.errors_truncated {
                    "（仅列出前 10000 处）"
                } else {
                    ""
                }
            );
            for e in outcome.errors.iter().take(20) {
                println!("  第 {} 行 [{}] {}", e.row, e.column, e.reason);
            }
            if let (Some(path), false) = (errors, outcome.errors.is_empty()) {
                std::fs::write(&path, platform::excel::error_workbook(&outcome.errors)?)?;
                println!("错误报告已写入 {}", path.display());
            }
            if !outcome.applied {
                anyhow::bail!("文件有错误，未导入任何数据（可加 --valid-only 只导入正确的行）");
            }
        }
        Command::SampleCsv {
            db,
            rows,
            out,
            seed,
        } => {
            let pool = edubureau::open(&db).await?;
            let all = institutions::store::list_all(
                &pool,
                &platform::auth::Scope::All,
                &Default::default(),
            )
            .await?;
            let schools = students::demo::schools_with_grades(&all);
            anyhow::ensure!(
                !schools.is_empty(),
                "数据库中没有学校：请先运行 edubureau demo"
            );
            let file = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&out)?);
            students::demo::write_template_csv(file, rows, &schools, seed)?;
            println!("已写入 {rows} 行到 {}", out.display());
        }
        Command::Admissions { command } => {
            let caller = platform::auth::Caller::system("admissions");
            match command {
                AdmissionsCommand::Run { round, db } => {
                    let pool = edubureau::open(&db).await?;
                    let r = admissions::service::allocation::run(&pool, &caller, round)
                        .await
                        .map_err(|e| anyhow::anyhow!(e.to_string()))?;
                    println!("分配完成（引擎 {}）：报名 {}，提前招生 {}，志愿录取 {}，统筹安排 {}，未安排 {}\n输入摘要 {}", r.engine_version, r.applications, r.early, r.by_choice, r.placed, r.unassigned, r.input_hash);
                }
                AdmissionsCommand::Verify { round, db } => {
                    let pool = edubureau::open(&db).await?;
                    let v = admissions::service::allocation::verify(&pool, &caller, round)
                        .await
                        .map_err(|e| anyhow::anyhow!(e.to_string()))?;
                    println!(
                        "保存的输入摘要 {}\n重新计算摘要 {}",
                        v.stored_hash, v.recomputed_hash
                    );
                    if !v.ok {
                        anyhow::bail!("核验未通过：{}", v.problems.join("；"));
                    }
                    println!("核验通过：结果与重新计算完全一致，满足学位容量与稳定性");
                }
            }
        }
        Command::Migrate { db } => {
            edubureau::open(&db).await?;
            println!("数据库结构已是最新");
        }
        Command::User {
            command:
                UserCommand::Add {
                    db,
                    username,
                    name,
                    role,
                    section,
                    institution,
                },
        } => {
            let pool = edubureau::open(&db).await?;
            let role = Role::from_parts(&role, section.as_deref()).with_context(|| {
                let sections: Vec<&str> = Section::ALL.iter().map(|s| s.key()).collect();
                format!(
                    "未知角色：{role}（section 角色须用 --section 指定科室：{}）",
                    sections.join(", ")
                )
            })?;
            let institution = institution.map(InstitutionId);
            if (role == Role::Institution) != institution.is_some() {
                anyhow::bail!("只有 institution 角色需要（且必须）用 --institution 指定机构编号");
            }
            let mut pw = String::new();
            std::io::stdin().read_to_string(&mut pw)?;
            let pw = pw.trim_end_matches(['\r', '\n']).to_string();
            password::check_policy(&pw, &username).map_err(|e| anyhow::anyhow!(e.message))?;
            let hash = password::hash(pw).await?;
            let mut tx = pool.begin().await?;
            let id = users::create(
                &mut tx,
                NewUser {
                    username: &username,
                    display_name: name.as_deref().unwrap_or(&username),
                    password_hash: &hash,
                    role,
                    institution,
                    must_change_password: false,
                },
            )
            .await?;
            audit::record(
                &mut tx,
                &Who::system("user-add"),
                Entry::new(
                    "create",
                    "user",
                    format!("命令行创建账号 {username}（{}）", role.label()),
                )
                .id(id.0),
            )
            .await?;
            tx.commit().await?;
            println!("已创建账号 {username}（{}）", role.label());
        }
    }
    Ok(())
}
