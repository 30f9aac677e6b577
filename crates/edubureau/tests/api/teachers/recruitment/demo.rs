//! The demo's recruitment: last year's 87 hires, on staff.

use super::count;
use crate::both_backends;
use crate::common::Backend;

both_backends!(the_demo_recruits_87_teachers, |b: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
    let hired = teachers::service::recruitment::fill_demo(&app.db, platform::area::DemoSize::Small)
        .await
        .expect("demo");
    assert_eq!(hired, 87);
    let on_staff = count(
        &app,
        "SELECT COUNT(*) FROM teachers_recruitment_applicants a JOIN teachers_staff s ON s.id = a.staff_id \
         JOIN teachers_postings p ON p.staff_id = s.id AND p.ends_on IS NULL",
    )
    .await;
    assert_eq!(on_staff, 87);
});
