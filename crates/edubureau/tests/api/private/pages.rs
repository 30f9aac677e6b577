//! The area's pages answer and their forms work as a browser sends them:
//! a refused form comes back with what was typed and the reason, an
//! accepted one redirects to the record.

use reqwest::StatusCode;

use super::fixtures::{private_institutions, private_with_pupils};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    the_pages_answer_and_their_forms_work,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let mut minban = app.login("minban").await;
        for path in [
            "/private",
            "/private/results?kind=annual",
            "/private/results?kind=grading&year=2031",
            "/private/results/history?kind=annual",
            "/private/unlicensed",
            "/private/unlicensed?status=rectifying&overdue=1",
            "/private/unlicensed/report",
            "/private/closures",
        ] {
            let (s, _) = minban.get_text(path).await;
            assert_eq!(s, StatusCode::OK, "{path}");
        }
        let school: String = app
            .db
            .fetch_one(
                platform::db::Sql::new("SELECT name FROM institutions WHERE id = ")
                    .bind(private_institutions(&app).await[0].0),
            )
            .await
            .map(|(n,): (String,)| n)
            .unwrap();
        let form = |reason: &'static str| {
            vec![
                ("kind", "annual"),
                ("year", "2031"),
                ("result", "basic"),
                ("reason", reason),
            ]
        };
        let mut fields = form("");
        fields.push(("institution", &school));
        let r = minban.post_form("/private/results/decide", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("请填写认定理由") && page.contains(&school),
            "typed values kept"
        );
        let mut fields = form("整改后复查合格");
        fields.push(("institution", &school));
        let r = minban.post_form("/private/results/decide", &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = minban
            .get_text("/private/results?kind=annual&year=2031")
            .await;
        assert!(page.contains("基本合格") && page.contains("整改后复查合格"));

        let (closing, _) = private_with_pupils(&app).await[0].clone();
        let name: String = app
            .db
            .fetch_one(
                platform::db::Sql::new("SELECT name FROM institutions WHERE id = ").bind(closing),
            )
            .await
            .map(|(n,): (String,)| n)
            .unwrap();
        let today = platform::time::today().to_string();
        let r = minban
            .post_form(
                "/private/closures",
                &[
                    ("institution", &name),
                    ("decided_on", &today),
                    ("reason", "举办者申请"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let to = r.headers()["location"].to_str().unwrap().to_string();
        let (s, page) = minban.get_text(&to).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("安置中") && page.contains("完成终止办学"));
        let r = minban
            .post_form(&format!("{}/finalise", to.split('?').next().unwrap()), &[])
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "pupils still to place"
        );
        assert!(r.text().await.unwrap().contains("名学生未安置去向"));
    }
);
