//! 控辍保学 covers compulsory education only: kindergarten children are
//! neither registered as dropouts nor suspended, 高中 students are not
//! dropout cases; a suspension (休学) needs a reason, a date and a
//! confirmation, and the record shows them.

use reqwest::StatusCode;
use serde_json::json;

use super::super::dropout::{born, count, enrolled, student, today};
use super::status_of;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    dropout_and_suspension_only_where_they_apply,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school001").await;
        let (kid, _) = enrolled(&app, &student(born(4, 3, 1), 41, "幼儿乙", 0), school, -1).await;
        let (senior, _) =
            enrolled(&app, &student(born(16, 3, 1), 43, "高中丙", 0), school, 10).await;
        let mut c = app.login("jijiao").await;
        let suspend = json!({"reason": "疾病", "date": today().to_string()});
        let dropout = json!({"cause": "厌学", "responsible": "王老师"});

        let (s, e) = c
            .post_json(&format!("/api/v1/students/{kid}/dropout"), &dropout)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e.to_string().contains("义务教育"), "{e}");
        let (s, e) = c
            .post_json(&format!("/api/v1/students/{kid}/suspend"), &suspend)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        let r = c
            .post_form(
                &format!("/students/{kid}/step"),
                &[
                    ("step", "dropout"),
                    ("cause", "厌学"),
                    ("responsible", "王老师"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "the form is refused too");
        let (_, page) = c.get_text(&format!("/students/{kid}")).await;
        assert!(
            !page.contains("登记辍学") && !page.contains("/suspend"),
            "{page}"
        );
        assert_eq!(status_of(&app, kid).await, "active");

        let (s, _) = c
            .post_json(&format!("/api/v1/students/{senior}/dropout"), &dropout)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "高中 is not 控辍保学");
        let (_, page) = c.get_text(&format!("/students/{senior}")).await;
        assert!(
            !page.contains("登记辍学") && page.contains("/suspend"),
            "{page}"
        );
        let cases = format!(
            "SELECT COUNT(*) FROM students_dropout_cases WHERE student_id IN ({kid}, {senior})"
        );
        assert_eq!(count(&app, &cases).await, 0);
        let (s, _) = c
            .post_json(&format!("/api/v1/students/{senior}/suspend"), &suspend)
            .await;
        assert_eq!(s, StatusCode::OK, "a 高中 student may be suspended");
    }
);

both_backends!(
    a_suspension_takes_a_reason_a_date_and_a_confirmation,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school001").await;
        let (sid, _) = enrolled(&app, &student(born(9, 3, 1), 45, "休学丁", 0), school, 3).await;
        let mut c = app.login("school001").await;
        let (_, page) = c.get_text(&format!("/students/{sid}")).await;
        assert!(page.contains("登记辍学") && page.contains(&format!("/students/{sid}/suspend")));

        let (s, e) = c
            .post_json(&format!("/api/v1/students/{sid}/suspend"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        let (s, form) = c.get_text(&format!("/students/{sid}/suspend")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("休学原因") && form.contains("家庭原因"));

        let path = format!("/students/{sid}/suspend");
        let r = c
            .post_form(&path, &[("reason", "其他"), ("detail", ""), ("date", "")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let date = today().to_string();
        let typed = [
            ("reason", "家庭原因"),
            ("detail", "随父母外出"),
            ("date", date.as_str()),
        ];
        let r = c.post_form(&path, &typed).await;
        assert_eq!(r.status(), StatusCode::OK);
        let confirm = r.text().await.expect("body");
        assert!(
            confirm.contains("确认休学") && confirm.contains("随父母外出"),
            "{confirm}"
        );
        assert_eq!(
            status_of(&app, sid).await,
            "active",
            "nothing before the confirmation"
        );

        let mut confirmed = typed.to_vec();
        confirmed.push(("confirmed", "1"));
        let r = c.post_form(&path, &confirmed).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(status_of(&app, sid).await, "suspended");
        let (_, page) = c.get_text(&format!("/students/{sid}")).await;
        assert!(
            page.contains(&format!("休学：{date} 起，家庭原因（随父母外出）")),
            "{page}"
        );
    }
);
