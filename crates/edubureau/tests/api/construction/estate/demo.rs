//! The demo estate: buildings for every active institution, the seed's
//! 6,074 m² of 危房, a register and procurement, and the area's figures.

use chrono::NaiveDate;
use platform::area::{Breakdown, DemoSize, IndicatorQuery};
use platform::auth::Scope;
use platform::db::Sql;

use crate::both_backends;
use crate::common::Backend;

both_backends!(the_demo_estate_matches_the_seed, |b: Backend| async move {
    let app = crate::construction::spawn_without_demo(b).await;
    let made = construction::service::estate::fill_demo(&app.db, DemoSize::Small)
        .await
        .expect("demo");
    assert!(made > 500, "{made}");
    let (dangerous, buildings): (i64, i64) = app
        .db
        .fetch_one(Sql::new(
            "SELECT CAST(SUM(CASE WHEN grade = 'D' THEN floor_area ELSE 0 END) AS BIGINT), COUNT(*) FROM construction_buildings",
        ))
        .await
        .expect("sum");
    assert_eq!(dangerous, 6_074);
    let without: i64 = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM institutions i WHERE i.status = 'active' AND NOT EXISTS \
             (SELECT 1 FROM construction_buildings b WHERE b.institution_id = i.id)",
        ))
        .await
        .expect("count");
    assert_eq!(without, 0, "every active institution has buildings");
    assert!(buildings > 400);
    let negative: i64 = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM construction_assets WHERE quantity < 0 OR value < 0",
        ))
        .await
        .expect("count");
    assert_eq!(negative, 0);

    let q = |by| IndicatorQuery {
        from: None,
        on: NaiveDate::MAX,
        by,
        scope: Scope::All,
    };
    let district =
        construction::store::estate::indicators::dangerous_area(&app.db, &q(Breakdown::District))
            .await
            .expect("indicator");
    assert_eq!(district[0].value, 6_074.0);
    let by_town =
        construction::store::estate::indicators::dangerous_area(&app.db, &q(Breakdown::Township))
            .await
            .expect("indicator");
    assert_eq!(by_town.iter().map(|v| v.value).sum::<f64>(), 6_074.0);
    let area =
        construction::store::estate::indicators::floor_area(&app.db, &q(Breakdown::Institution))
            .await
            .expect("indicator");
    let raw =
        construction::store::estate::indicators::floor_area_by_institution(&app.db, &Scope::All)
            .await
            .expect("areas");
    assert_eq!(area.len(), raw.len());
    assert_eq!(
        area.iter().map(|v| v.value).sum::<f64>(),
        raw.iter().map(|(_, a)| *a as f64).sum::<f64>()
    );
    let value =
        construction::store::estate::indicators::equipment_value(&app.db, &q(Breakdown::District))
            .await
            .expect("indicator");
    assert!(value[0].value > 0.0);

    // The same figures as the area publishes them.
    let admin = app.login("admin").await;
    let (_, v) = admin
        .get_json("/api/v1/indicators/construction.dangerous_area")
        .await;
    assert_eq!(v[0]["value"].as_f64(), Some(6_074.0), "{v}");
    let school = app.institution_of("school003").await;
    let key = school.to_string();
    let of_school = |v: &serde_json::Value| {
        v.as_array()
            .and_then(|a| a.iter().find(|x| x["key"] == key.as_str()))
            .and_then(|x| x["value"].as_f64())
    };
    let (_, pupils) = admin
        .get_json("/api/v1/indicators/students.enrolled?by=institution")
        .await;
    let on_roll: i64 = app
        .db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE left_on IS NULL AND status <> 'left' AND institution_id = ")
                .bind(school),
        )
        .await
        .expect("count");
    assert!(on_roll > 0);
    assert_eq!(of_school(&pupils), Some(on_roll as f64), "{pupils}");
    let (_, per_pupil) = admin
        .get_json("/api/v1/indicators/construction.floor_area_per_pupil?by=institution")
        .await;
    let floor = raw
        .iter()
        .find(|(i, _)| *i == school)
        .map(|(_, a)| *a)
        .expect("buildings");
    let got = of_school(&per_pupil).expect("a value for the school");
    assert!(
        (got - floor as f64 / on_roll as f64).abs() < 1e-9,
        "{got} vs {floor}/{on_roll}"
    );
});
