//! `edubureau user add`: an institution account names its institution by
//! 学校标识码 or exact name, never by an internal id.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::both_backends;
use crate::common::{spawn_app, Backend, TestApp};

/// Runs `edubureau user add` for an institution account with a good password.
fn add_institution_user(app: &TestApp, username: &str, institution: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_edubureau"))
        .args(["user", "add", "--db", &app.db_url, "--username", username])
        .args(["--role", "institution", "--institution", institution])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the CLI");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Kx7-long-passphrase-2026\n")
        .expect("write password");
    child.wait_with_output().expect("wait for the CLI")
}

async fn institution_of(app: &TestApp, username: &str) -> Option<i64> {
    platform::auth::users::find_by_username(&app.db, username)
        .await
        .expect("query")
        .and_then(|u| u.institution_id.map(|i| i.0))
}

both_backends!(
    an_institution_account_names_its_school_by_code_or_name,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let id = app.institution_of("school001").await;
        let all = institutions::store::directory(&app.db).await.expect("list");
        let school = all.iter().find(|c| c.id.0 == id).expect("school001's");
        let code = school.code.clone().expect("a licensed school has a code");

        let out = add_institution_user(&app, "by_code", &code);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(institution_of(&app, "by_code").await, Some(id));

        let out = add_institution_user(&app, "by_name", &school.name);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(institution_of(&app, "by_name").await, Some(id));
    }
);

both_backends!(
    an_institution_that_is_not_one_school_is_refused_in_chinese,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let out = add_institution_user(&app, "nowhere", "火星学校");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("没有名称或学校标识码为“火星学校”的机构"),
            "{err}"
        );

        let out = add_institution_user(&app, "several", "中心小学");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("“中心小学”对应多个机构"), "{err}");

        let id = app.institution_of("school001").await;
        let out = add_institution_user(&app, "by_id", &id.to_string());
        assert!(!out.status.success(), "an internal id is not accepted");
        for name in ["nowhere", "several", "by_id"] {
            assert_eq!(institution_of(&app, name).await, None, "{name} not created");
        }
    }
);
