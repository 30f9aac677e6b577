//! End-to-end story of a staff record's review (教师信息审核) in a real
//! headless Chromium: a school edits one of its teachers' records, the
//! change waits for 人事科, 人事科 approves it in the review queue, and the
//! record shows the change with its history. The server runs on a fresh
//! SQLite database with the demo district.

use crate::common::browser::with_browser;
use serde_json::json;

fn national_id(birth: &str, seq: u32) -> String {
    let body = format!("330503{birth}{seq:03}");
    let check = platform::vocab::identity::check_char(&body).expect("17 digits");
    format!("{body}{check}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_schools_change_counts_once_personnel_approves_it() {
    with_browser(|b| async move {
        let school = b.app.institution_of("school003").await;
        let code = crate::common::browser::institution_name(&b.app, school).await;
        let mut renshi = b.app.login("renshi").await;
        let record = json!({
            "institution": code, "name": "沈文", "national_id": national_id("19840315", 11),
            "ethnicity": "汉族", "politics": "群众", "education": "大学本科毕业",
            "work_start": "2006-09", "teaching_start": "2006-09",
            "post_category": "专业技术岗位", "post_grade": "9", "establishment": "在编",
            "full_time": "是", "subjects": "数学", "stage": "小学",
            "title_series": "小学", "title_level": "一级", "title_obtained_on": "2014-09-01"
        });
        let (status, saved) = renshi.post_json("/api/v1/teachers/staff", &record).await;
        assert_eq!(status.as_u16(), 201, "{saved}");
        let record = format!("/teachers/staff/{}", saved["id"]);

        // The school edits the record; the change waits for 人事科.
        b.login("school003").await;
        b.goto(&record).await;
        assert_eq!(b.fact("任教学科").await, "数学");
        b.follow_link("编辑信息").await;
        b.fill("subjects", "数学、科学").await;
        b.press("保存").await;
        b.expect_status(200, "the change is submitted").await;
        assert_eq!(b.path().await, "/teachers/reviews");
        assert!(b.body_text().await.contains("等待人事科审核"));
        b.goto(&record).await;
        assert_eq!(b.fact("任教学科").await, "数学", "not before approval");
        assert!(b.text("#pending").await.contains("等待人事科审核"));
        b.logout().await;

        // 人事科 finds it in the queue, sees what changes, and approves.
        b.login("renshi").await;
        assert!(
            b.body_text().await.contains("教师信息变更待审核"),
            "the inbox task"
        );
        b.goto("/teachers/reviews").await;
        let rows = b.rows("reviews").await;
        assert_eq!(rows.len(), 1);
        assert!(
            rows[0][5].contains("任教学科：数学 → 数学、科学"),
            "{rows:?}"
        );
        b.screenshot("teachers-review.png", None).await;
        b.press("审核通过").await;
        b.expect_status(200, "approved").await;
        assert!(b.body_text().await.contains("已审核通过"));

        b.goto(&record).await;
        assert_eq!(b.fact("任教学科").await, "数学、科学");
        let history = b.rows("history").await;
        assert_eq!(history[0][1], "school003");
        assert_eq!(history[0][3], "已通过");
        assert!(
            history[0][5].contains("任教学科：数学 → 数学、科学"),
            "{history:?}"
        );
    })
    .await;
}
