//! Bureau settings (局设置) on both databases: a setting reads its default
//! until a bureau changes it, a change replaces the value, and a read inside
//! a transaction sees the transaction's own change.

use platform::settings::{self, Setting};

use crate::both_backends;
use crate::common::{spawn_app_with, Backend};

const PROBE: Setting = Setting {
    key: "test.probe",
    label: "测试设置",
    default: "true",
};

both_backends!(settings_default_then_change, |b: Backend| async move {
    let app = spawn_app_with(b, false).await;
    assert_eq!(settings::get(&app.db, &PROBE).await.unwrap(), "true");
    assert!(settings::flag(&app.db, &PROBE).await.unwrap());

    let mut tx = app.db.begin().await.expect("tx");
    settings::set(&mut tx, &PROBE, "false", None).await.unwrap();
    assert!(!settings::flag(&mut tx, &PROBE).await.unwrap());
    tx.commit().await.expect("commit");
    assert!(!settings::flag(&app.db, &PROBE).await.unwrap());

    settings::set(&app.db, &PROBE, "2027-07-01", None)
        .await
        .unwrap();
    assert_eq!(settings::get(&app.db, &PROBE).await.unwrap(), "2027-07-01");
    let rows: (i64,) = app
        .db
        .fetch_one(platform::db::Sql::new(
            "SELECT COUNT(*) FROM platform_settings",
        ))
        .await
        .unwrap();
    assert_eq!(rows.0, 1, "one row per setting, replaced in place");
});
