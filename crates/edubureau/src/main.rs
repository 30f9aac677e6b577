use std::io::Read;

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use edubureau::demo;
use platform::audit::{self, Entry, Who};
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};

/// 教育局信息系统: the information system of a district education bureau.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

use edubureau::cli::DEFAULT_DB;

const LOG_FORMAT_ENV: &str = "EDUBUREAU_LOG_FORMAT";

#[derive(Subcommand)]
enum Command {
    /// Serve the web UI and the JSON API. Settings come from the
    /// configuration file, then from the environment and these flags.
    Serve {
        /// The configuration file (TOML; see docs/operations.md).
        #[arg(long, env = "EDUBUREAU_CONFIG")]
        config: Option<std::path::PathBuf>,
        /// sqlite://PATH (created if missing) or postgres://…
        #[arg(long, env = "EDUBUREAU_DB")]
        db: Option<String>,
        /// Address to listen on [default: 127.0.0.1:8080]
        #[arg(long, env = "EDUBUREAU_ADDR")]
        addr: Option<String>,
        /// Fill an empty database with the demo district first.
        #[arg(long)]
        demo: bool,
        /// Applications one client address may submit per minute on the
        /// public portal [default: 30].
        #[arg(long, env = "EDUBUREAU_SUBMISSIONS_PER_MINUTE")]
        submissions_per_minute: Option<u32>,
        /// Send cookies without the Secure flag (only behind a proxy that
        /// terminates HTTPS on another host name; never on the open network).
        #[arg(long)]
        insecure_cookies: bool,
        /// A reverse proxy in front of the server whose X-Forwarded-For
        /// header names the client (for the audit log and sign-in
        /// throttling). Repeat for several; without it the header is ignored.
        #[arg(long = "trusted-proxy", value_name = "IP")]
        trusted_proxies: Vec<std::net::IpAddr>,
        /// Log lines as `text` or `json` (one object per line, with the
        /// request id) [default: text].
        #[arg(long, env = LOG_FORMAT_ENV)]
        log_format: Option<ops::logging::LogFormat>,
    },
    /// Check a configuration file and show the effective settings.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
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
    /// Apply pending database migrations and exit.
    Migrate {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
    },
    /// Write a consistent backup while the server runs (docs/operations.md).
    Backup {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        /// The backup file; written under a temporary name, renamed when
        /// complete and verified.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Restore a backup into an empty database (SQLite or PostgreSQL).
    Restore {
        #[arg(long, env = "EDUBUREAU_DB", default_value = DEFAULT_DB)]
        db: String,
        file: std::path::PathBuf,
    },
    /// Check a backup file and show its manifest, without a database.
    VerifyBackup { file: std::path::PathBuf },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Validate FILE; print every setting (secrets hidden).
    Check { file: std::path::PathBuf },
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
        /// For role=institution: the institution's 学校标识码 or exact name.
        #[arg(long)]
        institution: Option<String>,
    },
}

/// mimalloc: the import allocates a dozen strings per row on the checking
/// thread and frees them on the writing one, which glibc's allocator
/// handles poorly (see docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    edubureau::check_areas()?;
    let matches = edubureau::cli::with_area_commands(Cli::command()).get_matches();
    if matches.subcommand_name() != Some("serve") {
        // `serve` starts its log once its settings are known.
        let format = std::env::var(LOG_FORMAT_ENV).ok().map(|v| v.parse());
        ops::logging::init(
            format
                .transpose()
                .map_err(anyhow::Error::msg)?
                .unwrap_or_default(),
        );
    }
    if edubureau::cli::run_area_command(&matches).await? {
        return Ok(());
    }
    match Cli::from_arg_matches(&matches)?.command {
        Command::Serve {
            config,
            db,
            addr,
            demo: with_demo,
            insecure_cookies,
            submissions_per_minute,
            trusted_proxies,
            log_format,
        } => {
            let mut settings = match &config {
                Some(file) => ops::config::Settings::load(file)?,
                None => ops::config::Settings::default(),
            };
            settings.log.format = log_format.unwrap_or(settings.log.format);
            ops::logging::init(settings.log.format);
            let s = &mut settings.server;
            settings.database.url = db.unwrap_or(settings.database.url);
            s.addr = addr.unwrap_or(std::mem::take(&mut s.addr));
            s.submissions_per_minute = submissions_per_minute.unwrap_or(s.submissions_per_minute);
            s.insecure_cookies |= insecure_cookies;
            if !trusted_proxies.is_empty() {
                s.trusted_proxies = trusted_proxies;
            }
            settings.check()?;
            ops::config::set_effective(settings.clone());
            let (db, addr) = (&settings.database.url, &settings.server.addr);
            let pool = edubureau::open(db)
                .await
                .with_context(|| format!("打开数据库 {}", ops::config::mask_url(db)))?;
            if with_demo && platform::district::district(&pool).await?.is_none() {
                let r = demo::seed(&pool, demo::Size::Small).await?;
                tracing::info!(made = r.describe(), "demo district created");
            }
            if platform::auth::users::count(&pool).await? == 0 {
                tracing::warn!("no accounts yet: open the site to create the first administrator (/setup), or run `edubureau user add`");
            }
            let state = edubureau::app::state(pool, settings.web_config()?).await;
            tokio::spawn(ops::schedule::run(
                state.db.clone(),
                settings.backup.clone(),
            ));
            let listener = tokio::net::TcpListener::bind(addr)
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
                "演示辖区已生成：{}，用时 {:.1} 秒",
                r.describe(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Migrate { db } => {
            edubureau::open(&db).await?;
            println!("数据库结构已是最新");
        }
        Command::Backup { db, out } => {
            // No migration: the running server's schema is backed up as it is.
            let pool = platform::db::Db::connect(&db).await?;
            let m = ops::backup::backup(&pool, &out).await?;
            println!("备份完成：{}", m.describe(&out));
        }
        Command::Restore { db, file } => {
            let pool = platform::db::Db::connect(&db).await?;
            let m = ops::backup::restore(&pool, &file, &edubureau::migrations()).await?;
            println!("已恢复：{}", m.describe(&file));
        }
        Command::Config {
            command: ConfigCommand::Check { file },
        } => {
            let settings = ops::config::Settings::load(&file)?;
            println!("配置文件 {} 无误，生效的设置：", file.display());
            for (key, value) in settings.shown() {
                println!("  {key} = {value}");
            }
        }
        Command::VerifyBackup { file } => {
            let m = ops::backup::verify(&file)?;
            println!("备份完好：{}", m.describe(&file));
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
            if (role == Role::Institution) != institution.is_some() {
                anyhow::bail!(
                    "只有 institution 角色需要（且必须）用 --institution 指定机构（学校标识码或名称）"
                );
            }
            let institution = match institution {
                Some(typed) => {
                    let all = institutions::store::directory(&pool).await?;
                    let id = platform::web::directory::resolve(&all, &typed)
                        .map_err(anyhow::Error::msg)?;
                    Some(id)
                }
                None => None,
            };
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
