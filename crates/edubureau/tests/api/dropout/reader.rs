//! Cases read through the one door: an inspector (督导, no full view) gets
//! ID numbers masked in the case list, a case and the export, may not
//! search by number, and each view and the export leave an audit entry.

use reqwest::StatusCode;

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};
use crate::exports::{column, first_sheet};

/// Audit entries on dropout cases with `action` by `username`.
async fn entries(app: &TestApp, username: &str, action: &str) -> i64 {
    count(
        app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'dropout_case' AND username = '{username}' AND action = '{action}'"
        ),
    )
    .await
}

both_backends!(
    an_inspector_reads_cases_masked_and_every_view_is_audited,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school001").await;
        let birth = born(11, 4, 9);
        let full = national_id(birth, 41);
        let (sid, e) = enrolled(&app, &new_student(&full, "劝返测试生", birth, 0), school, 5).await;
        leave(&app, e, "dropped_out").await;
        let case = case_for(&app, sid, school, 2).await;
        let masked = format!("{}********{}", &full[..6], &full[14..]);
        let duxue = app.login("duxue").await;

        let before = entries(&app, "duxue", "view").await;
        let (s, list) = duxue.get_json("/api/v1/dropout/cases?q=劝返测试生").await;
        assert_eq!(s, StatusCode::OK, "{list}");
        assert_eq!(list["items"][0]["id_number"], masked.as_str(), "{list}");
        assert_eq!(
            entries(&app, "duxue", "view").await,
            before + 1,
            "the list is a view"
        );

        let (_, page) = duxue.get_text("/dropout?q=劝返测试生").await;
        assert!(page.contains(&masked) && !page.contains(&full), "{page}");
        assert_eq!(
            entries(&app, "duxue", "view").await,
            before + 2,
            "the list page too"
        );

        let (s, detail) = duxue
            .get_json(&format!("/api/v1/dropout/cases/{case}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{detail}");
        assert_eq!(detail["id_number"], masked.as_str());
        let (_, page) = duxue.get_text(&format!("/dropout/cases/{case}")).await;
        assert!(page.contains(&masked) && !page.contains(&full));
        assert_eq!(
            entries(&app, "duxue", "view").await,
            before + 4,
            "each case view"
        );

        let exports = entries(&app, "duxue", "export").await;
        let r = duxue.get("/api/v1/dropout/cases/export?q=劝返测试生").await;
        assert_eq!(r.status(), StatusCode::OK);
        let sheet = first_sheet(&r.bytes().await.expect("xlsx"));
        let ids: Vec<String> = column(&sheet, "身份证件号")
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(ids, vec![masked.clone()]);
        let r = duxue.get("/dropout/cases.xlsx?q=劝返测试生").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(
            entries(&app, "duxue", "export").await,
            exports + 2,
            "each export"
        );

        // A search by number would tell what the mask hides.
        let (s, e) = duxue
            .get_json(&format!("/api/v1/dropout/cases?q={full}"))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert!(e.to_string().contains("不能按证件号查找"), "{e}");

        // Full view is unchanged, search by number included.
        let jijiao = app.login("jijiao").await;
        let (_, list) = jijiao
            .get_json(&format!("/api/v1/dropout/cases?q={full}"))
            .await;
        assert_eq!(list["items"][0]["id_number"], full.as_str(), "{list}");
        let bytes = jijiao
            .get("/api/v1/dropout/cases/export?q=劝返测试生")
            .await
            .bytes()
            .await
            .expect("xlsx");
        let sheet = first_sheet(&bytes);
        assert_eq!(column(&sheet, "身份证件号")[0].to_string(), full);
    }
);
