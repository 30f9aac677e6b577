//! The builder pages: a draft built indicator by indicator, refused
//! edits, publishing, new versions and the audit log.

use reqwest::StatusCode;
use serde_json::json;

use super::{get, sample};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client};

/// Posts a builder form of framework `id`; the status and the page.
async fn post(c: &mut Client, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let r = c.post_form(path, fields).await;
    let status = r.status();
    let location = r
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = r.text().await.expect("body");
    (status, if location.is_empty() { body } else { location })
}

async fn add(c: &mut Client, id: i64, fields: &[(&str, &str)]) -> (StatusCode, String) {
    post(
        c,
        &format!("/inspection/frameworks/{id}/indicators"),
        fields,
    )
    .await
}

both_backends!(
    a_framework_is_built_in_the_pages_then_published_and_frozen,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("dudao").await;
        let (s, location) = post(
            &mut c,
            "/inspection/frameworks",
            &[
                ("owner", "supervision"),
                ("purpose", "development"),
                ("name", "页面搭建的督导标准"),
                ("year", "2026"),
                ("total", ""),
            ],
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{location}");
        let id: i64 = location
            .rsplit('/')
            .next()
            .and_then(|i| i.parse().ok())
            .expect("id");
        let v = get(&c, id).await;
        assert_eq!(
            (v["status"].as_str(), v["total_points"].as_i64()),
            (Some("draft"), Some(1000))
        );
        assert_eq!(
            v["framework"]["bands"][2],
            json!({"label": "合格", "min": 600})
        );

        let group = [
            ("code", "A"),
            ("parent", ""),
            ("title", "办学方向"),
            ("points", "60"),
            ("method", "group"),
        ];
        assert_eq!(add(&mut c, id, &group).await.0, StatusCode::SEE_OTHER);
        let a1 = [
            ("code", "A1"),
            ("parent", "A"),
            ("title", "办学理念"),
            ("points", "30"),
            ("method", "levels"),
            ("options", "A:30;B:20;C:0"),
            ("evidence", "学校章程；三年规划"),
        ];
        assert_eq!(add(&mut c, id, &a1).await.0, StatusCode::SEE_OTHER);

        // A level above the points, a bad number, a missing parent: each at
        // its field, the typed values kept, nothing changed.
        let bad = [
            ("code", "A2"),
            ("parent", "A"),
            ("title", "制度建设"),
            ("points", "30"),
            ("method", "levels"),
            ("options", "A:35;B:0"),
        ];
        let (s, page) = add(&mut c, id, &bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.contains("指标 A2 的最高等级分值为 35分，应等于指标分值 30分"),
            "{page}"
        );
        assert!(
            page.contains(r#"value="A:35;B:0""#),
            "the typed options stay"
        );
        let bad = [
            ("code", "A2"),
            ("parent", "Q"),
            ("title", "制度建设"),
            ("points", "3o"),
            ("method", "checklist"),
            ("options", "制度健全:2"),
        ];
        let (s, page) = add(&mut c, id, &bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.contains("分值应为不小于 0 的数，最多一位小数，而不是“3o”"),
            "{page}"
        );
        let bad = [
            ("code", "A2"),
            ("parent", "Q"),
            ("title", "制度建设"),
            ("points", "30"),
            ("method", "checklist"),
            ("options", "制度健全:12.5;台账完整:17.5"),
        ];
        let (s, page) = add(&mut c, id, &bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("上级指标 Q 不存在或不是分组指标"), "{page}");
        let dup = [
            ("code", "A1"),
            ("parent", ""),
            ("title", "重复"),
            ("points", "5"),
            ("method", "range"),
        ];
        let (s, page) = add(&mut c, id, &dup).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("指标编号 A1 重复"), "{page}");
        assert_eq!(get(&c, id).await["leaf_count"], 1, "nothing changed");

        let a2 = [
            ("code", "A2"),
            ("parent", "A"),
            ("title", "制度建设"),
            ("points", "30"),
            ("method", "checklist"),
            ("options", "制度健全:12.5;台账完整:17.5"),
        ];
        assert_eq!(add(&mut c, id, &a2).await.0, StatusCode::SEE_OTHER);
        let b = [
            ("code", "B"),
            ("parent", ""),
            ("title", "课程实施"),
            ("points", "35"),
            ("method", "区间"),
            ("min", "5"),
        ];
        assert_eq!(add(&mut c, id, &b).await.0, StatusCode::SEE_OTHER);
        let veto = [
            ("code", "V"),
            ("parent", ""),
            ("title", "重大安全事故"),
            ("points", ""),
            ("method", "veto"),
            ("cap", "120"),
        ];
        let (s, page) = add(&mut c, id, &veto).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.contains("否决项 V 的封顶分 120分 超出总分 100分"),
            "{page}"
        );
        let veto = [
            ("code", "V"),
            ("parent", ""),
            ("title", "重大安全事故"),
            ("points", ""),
            ("method", "veto"),
            ("cap", "59"),
        ];
        assert_eq!(add(&mut c, id, &veto).await.0, StatusCode::SEE_OTHER);

        // Incomplete: the page lists what stops publishing, and publishing
        // is refused with it.
        let (_, page) = c.get_text(&format!("/inspection/frameworks/{id}")).await;
        assert!(
            page.contains("发布前还需解决")
                && page.contains("一级指标分值合计 95分，应为总分 100分"),
            "{page}"
        );
        let (s, page) = post(&mut c, &format!("/inspection/frameworks/{id}/publish"), &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.contains("一级指标分值合计 95分，应为总分 100分"),
            "{page}"
        );
        assert_eq!(get(&c, id).await["status"], "draft");

        // Editing B to 40 completes it.
        let b = [
            ("original", "B"),
            ("code", "B"),
            ("parent", ""),
            ("title", "课程实施"),
            ("points", "40"),
            ("method", "range"),
            ("min", "5"),
        ];
        assert_eq!(add(&mut c, id, &b).await.0, StatusCode::SEE_OTHER);
        let (_, page) = c
            .get_text(&format!("/inspection/frameworks/{id}?edit=A1"))
            .await;
        assert!(
            page.contains("编辑指标 A1") && page.contains(r#"value="A:30;B:20;C:0""#),
            "{page}"
        );
        assert!(
            page.contains("学校章程；三年规划") && page.contains("A 30分；B 20分；C 0分"),
            "{page}"
        );
        assert!(!page.contains("发布前还需解决"), "{page}");

        // Bands out of order are refused at the bands.
        let settings = [
            ("name", "页面搭建的督导标准"),
            ("year", "2026"),
            ("total", "100"),
            ("band_label", "优秀"),
            ("band_min", "80"),
            ("band_label", "合格"),
            ("band_min", "85"),
            ("band_label", ""),
            ("band_min", ""),
        ];
        let (s, page) = post(
            &mut c,
            &format!("/inspection/frameworks/{id}/settings"),
            &settings,
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("评定等次须从高到低排列"), "{page}");
        let settings = [
            ("name", "页面搭建的督导标准"),
            ("year", "2026"),
            ("total", "100"),
            ("band_label", "合格"),
            ("band_min", "60"),
            ("band_label", "不合格"),
            ("band_min", "0"),
        ];
        assert_eq!(
            post(
                &mut c,
                &format!("/inspection/frameworks/{id}/settings"),
                &settings
            )
            .await
            .0,
            StatusCode::SEE_OTHER
        );

        // The same tree as the API would have made it.
        let v = get(&c, id).await;
        let mut want = sample("x", "supervision")["framework"]["items"].clone();
        want[1]["evidence"] = json!([]);
        assert_eq!(v["framework"]["items"], want);
        assert_eq!(
            v["framework"]["bands"],
            json!([{"label": "合格", "min": 600}, {"label": "不合格", "min": 0}])
        );
        assert_eq!(v["problems"], json!([]));

        let (s, _) = post(&mut c, &format!("/inspection/frameworks/{id}/publish"), &[]).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let (s, page) = add(&mut c, id, &b).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            page.contains("该评估标准已发布，不能再修改；如需调整，请生成新版本"),
            "{page}"
        );
        let (s, _) = post(
            &mut c,
            &format!("/inspection/frameworks/{id}/indicators/remove"),
            &[("indicator", "B")],
        )
        .await;
        assert_eq!(s, StatusCode::CONFLICT);

        // 新版本: a draft for another year, numbered 2, copied whole.
        let (s, location) = post(
            &mut c,
            &format!("/inspection/frameworks/{id}/versions"),
            &[("year", "2027")],
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{location}");
        let new: i64 = location
            .rsplit('/')
            .next()
            .and_then(|i| i.parse().ok())
            .expect("id");
        let n = get(&c, new).await;
        assert_eq!(
            (
                n["version"].as_i64(),
                n["year"].as_i64(),
                n["based_on"].as_i64(),
                n["status"].as_str()
            ),
            (Some(2), Some(2027), Some(id), Some("draft"))
        );
        assert_eq!(n["framework"], get(&c, id).await["framework"]);
        let (s, _) = post(
            &mut c,
            &format!("/inspection/frameworks/{new}/indicators/remove"),
            &[("indicator", "A")],
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(
            get(&c, new).await["leaf_count"],
            2,
            "A with A1 and A2 removed"
        );
        assert_eq!(
            get(&c, id).await["leaf_count"],
            4,
            "the published version unchanged"
        );
        let (s, page) = post(
            &mut c,
            &format!("/inspection/frameworks/{new}/versions"),
            &[("year", "2027")],
        )
        .await;
        assert_eq!(s, StatusCode::CONFLICT, "{page}");

        // The list shows both versions, filtered by year.
        let (_, page) = c
            .get_text("/inspection/frameworks?owner=supervision&year=2027")
            .await;
        assert!(
            page.contains("页面搭建的督导标准")
                && page.contains("第 2 版")
                && !page.contains("第 1 版"),
            "{page}"
        );

        // Every change is in the audit log.
        let (_, log) = app
            .login("admin")
            .await
            .get_json("/api/v1/audit?entity=inspection_framework")
            .await;
        let text = log.to_string();
        for what in [
            "新建评估标准草稿",
            "添加指标 A1 办学理念",
            "修改指标 B 课程实施",
            "发布评估标准",
            "生成评估标准新版本",
            "删除指标 A 办学方向",
        ] {
            assert!(text.contains(what), "{what}: {text}");
        }
    }
);
