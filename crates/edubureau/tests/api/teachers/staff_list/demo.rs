//! The demo's staff: every institution staffed, 生师比 as in a real
//! county, the seed's 骨干 and 师德 figures, one open appointment each.

use platform::db::Sql;
use teachers::demo::plan::{backbone_quota, ETHICS_AWARDS};
use teachers::domain::BackboneLevel;

use super::count;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_demo_staffs_every_institution_like_a_real_county,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let unstaffed = count(
            &app,
            Sql::new("SELECT COUNT(*) FROM institutions i WHERE i.status <> 'closed' AND NOT EXISTS (SELECT 1 FROM teachers_staff s WHERE s.workplace_id = i.id)"),
        )
        .await;
        assert_eq!(unstaffed, 0, "every institution has staff");
        // Pupils per full-time teacher, per school with pupils.
        let ratios: Vec<(i64, i64, String)> = app
            .db
            .fetch_all(Sql::new(
                "SELECT e.pupils, t.teachers, i.school_type FROM institutions i \
                 JOIN (SELECT institution_id, COUNT(*) AS pupils FROM students_enrolments WHERE status <> 'left' GROUP BY institution_id) e ON e.institution_id = i.id \
                 JOIN (SELECT workplace_id, COUNT(*) AS teachers FROM teachers_staff WHERE full_time = TRUE GROUP BY workplace_id) t ON t.workplace_id = i.id",
            ))
            .await
            .expect("ratios");
        assert!(!ratios.is_empty());
        for (pupils, teachers, school_type) in &ratios {
            let ratio = *pupils as f64 / *teachers as f64;
            let band = if school_type.starts_with('5') {
                0.5..=3.5
            } else {
                0.5..=17.5
            };
            assert!(
                band.contains(&ratio),
                "{school_type}: {pupils} pupils, {teachers} teachers"
            );
            if *pupils >= 100 && !school_type.starts_with('5') {
                assert!(
                    ratio >= 8.0,
                    "{school_type}: {pupils} pupils, {teachers} teachers"
                );
            }
        }
        let (pupils, teachers) = ratios.iter().fold((0, 0), |(p, t), r| (p + r.0, t + r.1));
        let overall = pupils as f64 / teachers as f64;
        assert!((6.0..=17.0).contains(&overall), "district 生师比 {overall}");

        let full_time = count(
            &app,
            // The staff the demo recruits last year come after the quotas were set.
            Sql::new(
                "SELECT COUNT(*) FROM teachers_staff WHERE full_time = TRUE AND id NOT IN \
                 (SELECT staff_id FROM teachers_recruitment_applicants WHERE staff_id IS NOT NULL)",
            ),
        )
        .await;
        for (level, n) in backbone_quota(full_time as u64) {
            let have = count(
                &app,
                Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE backbone_level = $1")
                    .arg(level),
            )
            .await;
            assert_eq!(have as u64, n, "{level:?}");
        }
        let special = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE backbone_level = $1 AND title_level IN ('senior', 'professor')").arg(BackboneLevel::Special)).await;
        assert!(special >= 1, "特级教师 hold 高级 titles");
        for (award, n) in ETHICS_AWARDS {
            let have = count(&app, Sql::new("SELECT COUNT(DISTINCT staff_id) FROM teachers_honours WHERE kind = 'ethics_award' AND level = 'city' AND title = $1").arg(award)).await;
            assert_eq!(have as u64, n, "{award}");
        }
        let awarded = count(
            &app,
            Sql::new(
                "SELECT COUNT(DISTINCT staff_id) FROM teachers_honours WHERE kind = 'ethics_award'",
            ),
        )
        .await;
        assert_eq!(awarded, 95, "3/14/47/31 different teachers");

        let staff = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff")).await;
        let appointed = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff s JOIN teachers_postings p ON p.staff_id = s.id AND p.ends_on IS NULL AND p.kind = 'appointment' AND p.institution_id = s.institution_id")).await;
        assert_eq!(appointed, staff, "an open appointment each");
        let public = |sql: &str| {
            Sql::new(format!("SELECT COUNT(*) FROM teachers_staff s JOIN institutions i ON i.id = s.institution_id WHERE i.ownership {sql}"))
        };
        let staff_public = count(&app, public("= 'public'")).await;
        let in_quota = count(&app, public("= 'public' AND s.establishment = 'in_quota'")).await;
        assert!(
            in_quota * 100 >= staff_public * 80,
            "mostly 在编 in public schools: {in_quota} of {staff_public}"
        );
        let private_in_quota =
            count(&app, public("<> 'public' AND s.establishment = 'in_quota'")).await;
        assert_eq!(private_in_quota, 0, "民办 staff are not 在编");
        let women = count(
            &app,
            Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE sex = 'female'"),
        )
        .await;
        assert!(
            (staff * 55..=staff * 90).contains(&(women * 100)),
            "{women} women of {staff}"
        );
        let ids: Vec<(String,)> = app
            .db
            .fetch_all(Sql::new("SELECT national_id FROM teachers_staff"))
            .await
            .expect("ids");
        for (id,) in ids {
            assert!(
                platform::vocab::identity::validate_document(
                    platform::vocab::DocumentType::ResidentId,
                    &id
                )
                .is_ok(),
                "{id}"
            );
        }
    }
);
