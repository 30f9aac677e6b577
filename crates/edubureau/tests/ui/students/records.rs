//! The student list and a pupil's page by role, and admission through the form.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_staff_see_their_own_pupils_in_full_and_an_inspector_masked() {
    with_browser(|b| async move {
        let own = school_name(&b.app, "school001").await;

        b.login("school001").await;
        b.goto("/students").await;
        assert_eq!(b.path().await, "/students");
        b.expect_status(200, "the student list").await;
        let rows = b.rows("students").await;
        assert!(!rows.is_empty(), "the school has pupils");
        for r in &rows {
            assert_eq!(r[4], own, "a pupil of another school: {r:?}");
            assert!(is_full_id(&r[1]), "the school sees IDs in full: {r:?}");
        }
        let summary = b.text("main p.muted").await;
        assert!(!summary.contains("脱敏"), "{summary}");
        let own_total = student_total(&b).await;

        // One pupil's page, with the full ID number.
        let (row, href) = first_active_pupil(&b).await;
        let link = b
            .find(&format!("table#students tbody a[href='{href}']"))
            .await;
        b.click_and_wait(link, "the pupil's name").await;
        assert_eq!(b.path().await, href);
        b.expect_status(200, "the pupil's page").await;
        assert_eq!(b.text("main h1").await, format!("学籍：{}", row[0]));
        let full = b.fact("身份证件号").await;
        assert_eq!(full, row[1], "the page shows the ID of the list");
        assert!(is_full_id(&full), "{full}");
        let current = b.fact("当前学籍").await;
        assert!(
            current.contains(&own) && current.contains("在读"),
            "{current}"
        );
        assert!(!b.rows("history").await.is_empty(), "enrolment history");

        // An inspector opens the same page by its address: masked.
        b.logout().await;
        b.login("duxue").await;
        b.goto(&href).await;
        b.expect_status(200, "the inspector opens the pupil").await;
        let masked = b.fact("身份证件号").await;
        let chars: Vec<char> = masked.chars().collect();
        assert_eq!(chars.len(), 18, "{masked}");
        assert!(
            chars[6..14].iter().all(|c| *c == '*'),
            "positions 7–14 masked: {masked}"
        );
        assert_eq!(masked.matches('*').count(), 8, "{masked}");
        assert_eq!(masked[..6], full[..6], "the region is shown");
        assert_eq!(masked[14..], full[14..], "the last four are shown");
        let body = b.body_text().await;
        assert!(!body.contains(&full), "the full ID leaks: {body}");

        // 基教科 sees the whole district, in full.
        b.logout().await;
        b.login("jijiao").await;
        b.goto("/students").await;
        assert_eq!(b.path().await, "/students");
        let rows = b.rows("students").await;
        assert!(!rows.is_empty());
        for r in &rows {
            assert!(is_full_id(&r[1]), "基教科 sees IDs in full: {r:?}");
        }
        // The district-wide list pages without a total; it reaches past
        // the one school's pupils.
        let schools: std::collections::BTreeSet<&str> =
            rows.iter().map(|r| r[4].as_str()).collect();
        assert!(own_total > 0);
        b.goto("/students?page=20").await;
        let later = b.rows("students").await;
        assert!(
            !later.is_empty()
                && (schools.len() > 1 || later.iter().any(|r| !schools.contains(r[4].as_str()))),
            "the district list goes beyond one school"
        );
        b.screenshot("students.png", Some(WINDOW.1)).await;
        b.goto(&href).await;
        b.expect_status(200, "基教科 opens the pupil").await;
        assert_eq!(b.fact("身份证件号").await, full);
        b.screenshot("student.png", None).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_staff_admit_a_new_pupil_through_the_form() {
    with_browser(|b| async move {
        const NAME: &str = "林沐阳";
        let code = code_of(&b.app, "school001").await;
        let own = school_name(&b.app, "school001").await;
        // Born in March 2016: ten on 31 August 2026, so 四年级 in 2026—2027.
        let id = unused_id(&b.app, "330503201603150", 23).await;

        b.login("school001").await;
        b.goto("/students").await;
        b.follow_link("办理入学").await;
        assert_eq!(b.path().await, "/students/new");
        b.expect_status(200, "the admission form").await;
        assert_eq!(
            b.value("[name='学校标识码']").await,
            code,
            "the school's own code is filled in"
        );
        b.fill("姓名", NAME).await;
        b.fill("身份证件号", &id).await;
        let grade = b.find("[name='年级']").await;
        if grade.tag_name().await.expect("tag name") == "select" {
            b.choose("年级", "四年级").await;
        } else {
            b.fill("年级", "四年级").await;
        }
        b.fill("班级", "2班").await;
        b.press("办理入学").await;

        b.expect_status(200, "the admitted pupil's page").await;
        let path = b.path().await;
        assert!(
            path.starts_with("/students/") && path["/students/".len()..].parse::<i64>().is_ok(),
            "lands on the pupil's page, not {path}"
        );
        assert_eq!(b.text("p.notice").await, "已办理入学。");
        assert_eq!(b.text("main h1").await, format!("学籍：{NAME}"));
        assert_eq!(b.fact("身份证件号").await, id);
        assert_eq!(b.fact("性别").await, sex_of(&id), "sex from the ID");
        assert_eq!(
            b.fact("出生日期").await,
            "2016-03-15",
            "birth date from the ID"
        );
        let current = b.fact("当前学籍").await;
        for words in [own.as_str(), "四年级", "2班", "在读"] {
            assert!(current.contains(words), "{words} in {current}");
        }
        let history = b.rows("history").await;
        assert_eq!(history.len(), 1, "{history:?}");
        assert_eq!(history[0][1], own);
        assert_eq!(history[0][2], "四年级");

        // The list finds the pupil by name.
        let rows = search_students(&b, NAME).await;
        let found: Vec<_> = rows.iter().filter(|r| r[1] == id).collect();
        assert_eq!(found.len(), 1, "the new pupil is listed once: {rows:?}");
        let r = found[0];
        assert_eq!(r[0], NAME);
        assert_eq!(r[4], own);
        assert_eq!(r[5], "四年级");
        assert_eq!(r[6], "2班");
        assert_eq!(r[7], "在读");
        for r in &rows {
            assert!(r[0].contains(NAME), "row does not match the name: {r:?}");
        }
    })
    .await;
}
