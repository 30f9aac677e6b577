//! The demo of the courses part on a fresh demo district with a few
//! hundred cards: sessions at every community school, never overbooked,
//! the counters matching the enrolments, credits and certificates made.

use platform::area::DemoSize;

use super::fixtures::{cards, count, schools};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(demo_fills_every_community_school, |b: Backend| async move {
    let app = spawn_app(b).await;
    crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    let all = schools(&app).await;
    cards(&app, "DA", 200, all[0].2).await;
    cards(&app, "DB", 150, all[1].2).await;
    let made = community::service::courses::fill_demo(&app.db, DemoSize::Small)
        .await
        .expect("demo");
    assert!(made > 1000, "{made}");
    let schools_without = count(
        &app,
        "SELECT COUNT(*) FROM institutions i WHERE i.school_type = '932' AND i.status = 'active' \
         AND (i.name LIKE '%社区学校' OR i.name LIKE '%社区学院') \
         AND (SELECT COUNT(*) FROM community_sessions s WHERE s.institution_id = i.id) NOT BETWEEN 10 AND 30",
    )
    .await;
    assert_eq!(
        schools_without, 0,
        "10–30 sessions a year at each community school"
    );
    let overbooked = "SELECT COUNT(*) FROM community_sessions s WHERE s.enrolled > s.capacity \
         OR s.enrolled <> (SELECT COUNT(*) FROM community_enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled')";
    assert_eq!(count(&app, overbooked).await, 0);
    for table in [
        "community_teachers",
        "community_courses",
        "community_meetings",
        "community_attendance",
        "community_credits",
        "community_certificates",
    ] {
        assert!(
            count(&app, &format!("SELECT COUNT(*) FROM {table}")).await > 0,
            "{table}"
        );
    }
    let outside = "SELECT COUNT(*) FROM community_attendance a JOIN community_enrolments e \
         ON e.session_id = a.session_id AND e.card_id = a.card_id WHERE e.status = 'enrolled'";
    assert_eq!(
        count(&app, outside).await,
        count(&app, "SELECT COUNT(*) FROM community_attendance").await,
        "only enrolled cards attend"
    );
    let verified = "SELECT COUNT(*) FROM community_cards WHERE registered_via = 'online' AND verified_on IS NULL \
         AND id IN (SELECT card_id FROM community_attendance)";
    assert_eq!(
        count(&app, verified).await,
        0,
        "online cards verified at their first attendance"
    );
});
