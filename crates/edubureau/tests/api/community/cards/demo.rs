//! The demo cards: sized to the district, valid ID numbers and card
//! numbers, holders of 18 to 80, and the demo password signs them in.

use platform::area::DemoSize;
use platform::db::Sql;
use reqwest::StatusCode;

use super::fixtures::{count, Citizen};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(demo_cards_fill_the_district, |b: Backend| async move {
    let app = spawn_app(b).await;
    crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    let before = count(&app, "community_cards").await;
    let made = community::service::cards::fill_demo(&app.db, DemoSize::Small)
        .await
        .unwrap();
    assert_eq!(made, 8_000);
    let rows: Vec<(String, String, chrono::NaiveDate)> = app
        .db
        .fetch_all(Sql::new(
            "SELECT card_no, id_number, birth_date FROM community_cards ORDER BY id",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len() as i64, before + 8_000);
    let today = platform::time::today();
    let mut old = 0;
    for (no, id, birth) in &rows {
        assert!(
            community::domain::cards::CardNo::parse(no).is_some(),
            "{no}"
        );
        let parsed = platform::vocab::NationalId::parse(id).expect("valid ID");
        assert_eq!(parsed.birth_date(), *birth);
        let age = community::domain::cards::age_on(*birth, today);
        assert!((18..=81).contains(&age), "{age}");
        if age >= 50 {
            old += 1;
        }
    }
    assert!(old > rows.len() / 2, "older holders weigh more: {old}");
    let towns = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(DISTINCT township_id) FROM community_cards",
        ))
        .await
        .unwrap();
    assert!(towns > 5);
    let mut c = Citizen::new(&app).await;
    let active: String = rows.iter().map(|r| r.0.clone()).next().unwrap();
    let status: (String,) = app
        .db
        .fetch_one(
            Sql::new("SELECT status FROM community_cards WHERE card_no = ").bind(active.as_str()),
        )
        .await
        .unwrap();
    if status.0 == "active" {
        assert_eq!(
            c.login(&active, platform::area::demo::DEMO_PASSWORD).await,
            StatusCode::SEE_OTHER
        );
    }
});
