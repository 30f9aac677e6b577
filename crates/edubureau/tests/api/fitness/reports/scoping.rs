//! Every id-taking route: another school's school, class, pupil or
//! township is not found for a school account; its own are.

use reqwest::StatusCode;

use super::{fixture, insert_test, YEAR};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_school_reaches_only_its_own_records,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let f = fixture(&app).await;
        let other = app.login("school001").await;
        let class = format!("school={}&grade=6&class=1%E7%8F%AD", f.school);
        let foreign = [
            format!("/api/v1/fitness/reports?school={}", f.school),
            format!("/api/v1/fitness/reports?{class}"),
            "/api/v1/fitness/reports?township=1".to_string(),
            format!("/fitness/reports?school={}", f.school),
            format!("/fitness/reports/chart/pass.png?school={}", f.school),
            format!("/fitness/reports/report.xlsx?{class}"),
            format!("/api/v1/fitness/students/{}/card", f.pupils[0]),
            format!("/fitness/students/{}/card", f.pupils[0]),
            "/api/v1/fitness/students/999999999/card".to_string(),
        ];
        for path in &foreign {
            let r = other.get(path).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let own = [
            format!("/api/v1/fitness/reports?school={}", f.other),
            format!(
                "/api/v1/fitness/reports?school={}&grade=6&class=1%E7%8F%AD",
                f.other
            ),
            format!("/fitness/reports/chart/pass.png?school={}", f.other),
            format!("/fitness/reports/report.xlsx?school={}", f.other),
            format!("/api/v1/fitness/students/{}/card", f.other_pupil),
            format!("/fitness/students/{}/card", f.other_pupil),
        ];
        for path in &own {
            let r = other.get(path).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
        }
        // A pupil who moved on is no longer the old school's: school003 loses
        // a1's card once a later test is at school001.
        insert_test(
            &app,
            f.pupils[0],
            f.other,
            YEAR + 1,
            7,
            800,
            "good",
            80,
            "正常",
        )
        .await;
        let own = app.login("school003").await;
        let r = own
            .get(&format!("/api/v1/fitness/students/{}/card", f.pupils[0]))
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = other
            .get(&format!("/api/v1/fitness/students/{}/card", f.pupils[0]))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
);
