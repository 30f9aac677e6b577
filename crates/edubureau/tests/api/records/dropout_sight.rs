//! A school that registers one of its pupils as a dropout keeps seeing the
//! case and the pupil's record (the case's 查看学籍 link works) until the
//! child is enrolled elsewhere; other schools never see either.

use reqwest::StatusCode;

use super::super::dropout::{born, enrolled, student};
use super::enrol_at;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_school_keeps_sight_of_its_dropout_and_the_record,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mine = app.institution_of("school001").await;
        let theirs = app.institution_of("school012").await;
        let (sid, _) = enrolled(&app, &student(born(12, 6, 1), 31, "辍学学生甲", 0), mine, 6).await;
        let mut c = app.login("school001").await;
        let r = c
            .post_form(
                &format!("/students/{sid}/step"),
                &[
                    ("step", "dropout"),
                    ("cause", "厌学"),
                    ("responsible", "王老师"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let to = r.headers()["location"]
            .to_str()
            .expect("location")
            .to_string();
        let (s, html) = c.get_text(&to).await;
        assert_eq!(
            s,
            StatusCode::OK,
            "the redirect after 登记辍学 lands on the record"
        );
        assert!(
            html.contains("辍学学生甲") && html.contains("无在读学籍"),
            "{html}"
        );

        let (_, list) = c.get_json("/api/v1/dropout/cases").await;
        let case = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["student_id"] == sid.0)
            .unwrap_or_else(|| panic!("the school's own case is listed: {list}"))["id"]
            .as_i64()
            .expect("id");
        let (s, page) = c.get_text(&format!("/dropout/cases/{case}")).await;
        assert_eq!(s, StatusCode::OK);
        let link = format!("/students/{sid}");
        assert!(page.contains(&link), "查看学籍 link");
        assert_eq!(
            c.get(&link).await.status(),
            StatusCode::OK,
            "查看学籍 works"
        );
        let (s, rec) = c.get_json(&format!("/api/v1/students/{sid}")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(rec["name"], "辍学学生甲");
        let (s, _) = c
            .get_json(&format!("/api/v1/students/{sid}/enrolments"))
            .await;
        assert_eq!(s, StatusCode::OK);

        let other = app.login("school012").await;
        assert_eq!(other.get(&link).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            other.get(&format!("/dropout/cases/{case}")).await.status(),
            StatusCode::NOT_FOUND
        );

        // Enrolled at another school, the record is that school's; the case
        // stays with the school that followed it.
        enrol_at(&app, sid, theirs, 6).await;
        assert_eq!(c.get(&link).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(other.get(&link).await.status(), StatusCode::OK);
        assert_eq!(
            c.get(&format!("/dropout/cases/{case}")).await.status(),
            StatusCode::OK
        );
    }
);
