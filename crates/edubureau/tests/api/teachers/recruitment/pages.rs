//! The pages: the bureau's forms refuse bad input on the page it was typed
//! on and save nothing; hires are confirmed by ticking the ranking.

use super::{applicant, count, scores};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    the_bureau_recruits_through_the_pages,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let school = app.institution_of("school003").await;
        let mut admin = app.login("admin").await;
        let plan = [
            ("year", "2025"),
            ("name", "2025年公开招聘"),
            ("written_weight", "60"),
            ("interview_weight", "50"),
        ];
        let r = admin.post_form("/teachers/recruitment", &plan).await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("之和须为 100%") && page.contains("2025年公开招聘"),
            "typed values kept"
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM teachers_recruitment_plans").await,
            0
        );
        let plan = [
            ("year", "2025"),
            ("name", "2025年公开招聘"),
            ("written_weight", "50"),
            ("interview_weight", "50"),
        ];
        let r = admin.post_form("/teachers/recruitment", &plan).await;
        assert_eq!(r.status(), 303);
        let plan_path = r.headers()["location"].to_str().unwrap().to_string();

        let school_id = school.to_string();
        let post = [
            ("institution_id", school_id.as_str()),
            ("stage", "primary"),
            ("subject", "语文"),
            ("places", "0"),
        ];
        let r = admin.post_form(&format!("{plan_path}/posts"), &post).await;
        assert_eq!(r.status(), 422);
        assert!(r
            .text()
            .await
            .unwrap()
            .contains("招聘人数应在 1 到 500 之间"));
        let post = [
            ("institution_id", school_id.as_str()),
            ("stage", "primary"),
            ("subject", "语文"),
            ("places", "1"),
        ];
        assert_eq!(
            admin
                .post_form(&format!("{plan_path}/posts"), &post)
                .await
                .status(),
            303
        );
        let post_id = app
            .db
            .scalar(platform::db::Sql::new(
                "SELECT MAX(id) FROM teachers_recruitment_posts",
            ))
            .await
            .unwrap();

        let post_path = format!("/teachers/recruitment/posts/{post_id}");
        let bad = [
            ("name", "甲"),
            ("national_id", "330503199901010000"),
            ("education", "本科"),
            ("certificate_type", "小学教师资格"),
            ("certificate_subject", "语文"),
        ];
        let r = admin
            .post_form(&format!("{post_path}/applicants"), &bad)
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("身份证件号"));
        let a = applicant(&mut admin, post_id, "甲", "19990101", 11).await;
        let b2 = applicant(&mut admin, post_id, "乙", "19990202", 12).await;
        scores(&mut admin, a, "90", "90").await;
        scores(&mut admin, b2, "80", "80").await;
        let (s, page) = admin.get_text(&post_path).await;
        assert_eq!(s, 200);
        assert!(page.contains("确认聘用所选人员") && page.contains("recruitment-ranking"));

        let b_id = b2.to_string();
        let r = admin
            .post_form(
                &format!("{post_path}/hires"),
                &[("applicant_ids", b_id.as_str())],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r
            .text()
            .await
            .unwrap()
            .contains("排名第 2，超出本岗位招聘人数 1 人"));
        let a_id = a.to_string();
        let r = admin
            .post_form(
                &format!("{post_path}/hires"),
                &[("applicant_ids", a_id.as_str()), ("hired_on", "2025-08-01")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM teachers_recruitment_applicants WHERE staff_id IS NOT NULL"
            )
            .await,
            1
        );
        let (s, page) = admin.get_text(&post_path).await;
        assert_eq!(s, 200);
        assert!(page.contains("已聘用（2025-08-01）"), "{page}");
        let (s, page) = admin.get_text("/teachers/recruitment").await;
        assert_eq!(s, 200);
        assert!(page.contains("2025年公开招聘"));

        // A school reads the pages, without the bureau's forms.
        let own = app.login("school003").await;
        let (s, page) = own.get_text(&post_path).await;
        assert_eq!(s, 200);
        assert!(!page.contains("确认聘用所选人员") && !page.contains("登记报考人员"));
    }
);
