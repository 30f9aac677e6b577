//! A month's attendance counted by the learners' street, age band and the
//! course type; the monthly report's rows and totals; the start page and
//! the indicators; a school sees the attendance at its own sessions.

use reqwest::StatusCode;
use serde_json::Value;

use super::{attend, card, session, spawn};
use crate::both_backends;
use crate::common::{Backend, TestApp};
use crate::community::network::fixtures::community_school;

async fn township(app: &TestApp, n: i64) -> i64 {
    app.db
        .scalar(
            platform::db::Sql::new("SELECT id FROM townships ORDER BY code LIMIT 1 OFFSET ")
                .bind(n),
        )
        .await
        .unwrap()
}

fn rows(v: &Value, key: &str) -> Vec<(String, i64, i64, i64)> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["attendances"].as_i64() != Some(0))
        .map(|p| {
            (
                p["key"].as_str().unwrap().to_string(),
                p["learners"].as_i64().unwrap(),
                p["attendances"].as_i64().unwrap(),
                p["minutes"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn own(k: &str, l: i64, a: i64, m: i64) -> (String, i64, i64, i64) {
    (k.to_string(), l, a, m)
}

both_backends!(
    a_months_attendance_by_street_age_and_course_type,
    |b: Backend| async move {
        let app = spawn(b).await;
        let a = community_school(&app, 0).await;
        let other = community_school(&app, 1).await;
        let (t1, t2) = (township(&app, 0).await, township(&app, 1).await);
        let digital = session(&app, a.id, "digital").await;
        let arts = session(&app, other.id, "arts").await;
        let elder = card(&app, 1, "1950-06-01", t1).await;
        let young = card(&app, 2, "1990-06-01", t2).await;
        attend(&app, digital, elder, "2026-03-02", 90).await;
        attend(&app, arts, elder, "2026-03-31", 60).await;
        attend(&app, digital, young, "2026-03-01", 90).await;
        attend(&app, digital, young, "2026-04-01", 45).await;
        attend(&app, digital, young, "2026-02-28", 45).await;

        let zc = app.login("zhicheng").await;
        let (s, v) = zc
            .get_json("/api/v1/community/participation?month=2026-03")
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            rows(&v, "by_street"),
            [
                own(&t1.to_string(), 1, 2, 150),
                own(&t2.to_string(), 1, 1, 90)
            ]
        );
        assert_eq!(
            rows(&v, "by_age"),
            [own("35_59", 1, 1, 90), own("70plus", 1, 2, 150)]
        );
        assert_eq!(
            v["by_age"].as_array().unwrap().len(),
            5,
            "every band listed"
        );
        assert_eq!(
            rows(&v, "by_course_kind"),
            [own("arts", 1, 1, 60), own("digital", 2, 2, 180)]
        );
        assert_eq!(v["by_course_kind"][1]["label"], "数字素养");
        let (s, _) = zc
            .get_json("/api/v1/community/participation?month=2026-13")
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

        // The monthly report: a row per street and kind, then the total.
        let r = zc
            .get("/community/analytics/report.xlsx?month=2026-03")
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.unwrap().to_vec();
        let table = platform::excel::read_table(&bytes, "r.xlsx", None).expect("readable");
        let got: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| (0..4).map(|c| r.get(c).to_string()).collect())
            .collect();
        let line =
            |a: &str, b: &str, c: &str, d: &str| vec![a.to_string(), b.into(), c.into(), d.into()];
        let (n1, n2) = (&v["by_street"][0]["label"], &v["by_street"][1]["label"]);
        let (n1, n2) = (n1.as_str().unwrap(), n2.as_str().unwrap());
        assert_eq!(
            got,
            [
                line(n1, "艺术修养", "1", "1.0"),
                line(n1, "数字素养", "1", "1.5"),
                line(n2, "数字素养", "1", "1.5"),
                line("合计", "", "3", "4.0"),
            ]
        );
        let (s, page) = zc.get_text("/community/analytics?month=2026-03").await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("by-street") && page.contains("report.xlsx?month=2026-03"));
        let png = zc.get("/community/analytics/chart.png?month=2026-03").await;
        assert_eq!(png.status(), StatusCode::OK);
        assert_eq!(&png.bytes().await.unwrap()[1..4], b"PNG");

        // 参训人次 of March and 持卡市民数.
        let (_, ind) = zc
            .get_json("/api/v1/indicators/community.attendances?from=2026-03-01&on=2026-03-31")
            .await;
        assert_eq!(ind[0]["value"].as_f64(), Some(3.0), "{ind}");
        let (_, ind) = zc
            .get_json("/api/v1/indicators/community.cards?by=township")
            .await;
        let by_town: Vec<f64> = ind
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["value"].as_f64().unwrap())
            .collect();
        assert_eq!(by_town, [1.0, 1.0], "{ind}");

        // A school sees the attendance at its own sessions only.
        let school = app.login(&a.username).await;
        let (_, mine) = school
            .get_json("/api/v1/community/participation?month=2026-03")
            .await;
        assert_eq!(rows(&mine, "by_course_kind"), [own("digital", 2, 2, 180)]);
    }
);

both_backends!(
    the_start_page_shows_this_months_learning,
    |b: Backend| async move {
        let app = spawn(b).await;
        let a = community_school(&app, 0).await;
        let t = township(&app, 0).await;
        let s = session(&app, a.id, "health").await;
        let c = card(&app, 1, "1960-01-01", t).await;
        let today = platform::time::today().to_string();
        attend(&app, s, c, &today, 90).await;
        let zc = app.login("zhicheng").await;
        let (status, html) = zc.get_text("/community").await;
        assert_eq!(status, StatusCode::OK);
        for figure in [
            "持卡市民",
            "1 人",
            "1.5 小时",
            "/community/network",
            "/community/analytics",
        ] {
            assert!(html.contains(figure), "start page lacks {figure}");
        }
        assert_eq!(
            app.login("anquanke").await.get("/community").await.status(),
            StatusCode::FORBIDDEN
        );
    }
);
