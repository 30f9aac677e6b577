//! The start page, the list with its filters, masking and audit, and the
//! export.

use platform::db::Sql;
use serde_json::Value;

use super::count;
use super::scope::encoded;
use crate::both_backends;
use crate::common::{spawn_app, Backend};
use crate::exports::{column, first_sheet, title};

fn items(v: &Value) -> &Vec<Value> {
    v["items"].as_array().expect("items")
}

both_backends!(
    the_start_page_counts_and_leads_to_every_part,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let admin = app.login("admin").await;
        let (status, page) = admin.get_text("/teachers").await;
        assert_eq!(status, 200);
        for part in [
            "/teachers/staff",
            "/teachers/reviews",
            "/teachers/training",
            "/teachers/teams",
            "/teachers/titles",
            "/teachers/assessments",
            "/teachers/recruitment",
            "/teachers/reports",
        ] {
            assert!(page.contains(&format!("href=\"{part}\"")), "link to {part}");
        }
        assert!(page.contains("专任教师") && page.contains("在编"));
        let (_, o) = admin.get_json("/api/v1/teachers/overview").await;
        let staff = count(
            &app,
            Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE status = 'active'"),
        )
        .await;
        let full_time = count(
            &app,
            Sql::new(
                "SELECT COUNT(*) FROM teachers_staff WHERE status = 'active' AND full_time = TRUE",
            ),
        )
        .await;
        assert_eq!(o["staff"], staff);
        assert_eq!(o["full_time"], full_time);
        let by_title: i64 = o["by_title"]
            .as_array()
            .expect("titles")
            .iter()
            .map(|p| p[1].as_i64().expect("n"))
            .sum();
        assert_eq!(by_title, full_time);
        assert!(page.contains(&format!("{staff}")));
        // A school's page is its own.
        let (status, own) = app.login("school003").await.get_text("/teachers").await;
        assert_eq!(status, 200);
        assert!(own.contains("本单位教师队伍"));
    }
);

both_backends!(
    filters_narrow_the_list_and_unknown_codes_are_refused,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let admin = app.login("admin").await;
        let (status, all) = admin.get_json("/api/v1/teachers/staff").await;
        assert_eq!(status, 200, "{all}");
        let total = count(
            &app,
            Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE status = 'active'"),
        )
        .await;
        assert!(total > 50);
        assert!(
            all["total"].is_null(),
            "a district-wide list is not counted"
        );
        assert_eq!(all["has_next"], true);
        assert_eq!(items(&all).len(), 50);
        let names: Vec<&str> = items(&all)
            .iter()
            .map(|r| r["name"].as_str().expect("name"))
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "by name");
        let (_, desc) = admin.get_json("/api/v1/teachers/staff?sort=-name").await;
        let first = items(&desc)[0]["name"].as_str().expect("name").to_string();
        assert!(names.iter().all(|n| *n <= first.as_str()));

        let (_, junior) = admin
            .get_json(
                "/api/v1/teachers/staff?stage=junior&subject=%E6%95%B0%E5%AD%A6&full_time=yes",
            )
            .await;
        let want = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE status = 'active' AND stage = 'junior' AND subjects = '数学' AND full_time = TRUE")).await;
        assert!(want > 0);
        assert_eq!(junior["has_next"], want > 50);
        assert_eq!(items(&junior).len() as i64, want.min(50));
        let busiest = count(&app, Sql::new("SELECT workplace_id FROM teachers_staff GROUP BY workplace_id ORDER BY COUNT(*) DESC, workplace_id LIMIT 1")).await;
        let (_, there) = admin
            .get_json(&format!(
                "/api/v1/teachers/staff?institution_id={busiest}&full_time=yes"
            ))
            .await;
        let want_there = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE status = 'active' AND workplace_id = $1 AND full_time = TRUE").arg(busiest)).await;
        assert_eq!(
            there["total"], want_there,
            "one institution's list is counted"
        );
        assert!(items(&junior)
            .iter()
            .all(|r| r["stage"] == "junior" && r["subjects"] == "数学"));

        let (_, special) = admin
            .get_json("/api/v1/teachers/staff?backbone_level=special")
            .await;
        assert!(items(&special)
            .iter()
            .all(|r| r["backbone_level"] == "special"));
        let want = count(
            &app,
            Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE backbone_level = 'special'"),
        )
        .await;
        assert_eq!(special["total"], want);
        let (_, any) = admin.get_json("/api/v1/teachers/staff?backbone_level=any&title_level=senior&establishment=in_quota").await;
        assert!(items(&any).iter().all(|r| r["backbone_level"].is_string()
            && r["title_level"] == "senior"
            && r["establishment"] == "in_quota"));

        let town = count(&app, Sql::new("SELECT MIN(township_id) FROM institutions i JOIN teachers_staff s ON s.workplace_id = i.id")).await;
        let (_, v) = admin
            .get_json(&format!("/api/v1/teachers/staff?township_id={town}"))
            .await;
        let want = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff s JOIN institutions i ON i.id = s.workplace_id WHERE s.status = 'active' AND i.township_id = $1").arg(town)).await;
        assert_eq!(v["has_next"], want > 50);
        assert_eq!(items(&v).len() as i64, want.min(50));

        let surname = names[0].chars().next().expect("a name").to_string();
        let (_, named) = admin
            .get_json(&format!("/api/v1/teachers/staff?q={}", encoded(&surname)))
            .await;
        assert!(items(&named)
            .iter()
            .all(|r| r["name"].as_str().expect("name").starts_with(&surname)));
        let (id_number,): (String,) = app
            .db
            .fetch_one(Sql::new(
                "SELECT national_id FROM teachers_staff ORDER BY id LIMIT 1",
            ))
            .await
            .expect("id");
        let (_, one) = admin
            .get_json(&format!(
                "/api/v1/teachers/staff?q={}",
                id_number.to_lowercase()
            ))
            .await;
        assert_eq!(one["total"], 1);
        assert_eq!(items(&one)[0]["national_id"], id_number.as_str());

        let (status, bad) = admin
            .get_json("/api/v1/teachers/staff?title_level=grand")
            .await;
        assert_eq!(status, 422, "{bad}");
        assert!(bad.to_string().contains("title_level") && bad.to_string().contains("职称等级"));
        let (status, page) = admin.get_text("/teachers/staff?stage=university").await;
        assert_eq!(status, 422);
        assert!(page.contains("任教学段"));

        let (status, page) = admin
            .get_text(&format!("/teachers/staff?q={}", encoded("不存在的人")))
            .await;
        assert_eq!(status, 200);
        assert!(page.contains("没有符合条件的教职工") && page.contains("姓名或证件号：不存在的人"));
        let (_, page) = admin.get_text("/teachers/staff?stage=primary").await;
        assert!(
            page.contains("href=\"/teachers/staff/") && page.contains("stage=primary&amp;page=2")
        );
    }
);

both_backends!(
    ids_are_masked_unless_the_role_sees_personal_details,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        // A 督学 reads every area but sees no ID numbers in full.
        let hr = app.login("duxue").await;
        let (status, v) = hr.get_json("/api/v1/teachers/staff").await;
        assert_eq!(status, 200, "{v}");
        for r in items(&v) {
            let id = r["national_id"].as_str().expect("id");
            assert!(id.contains("********"), "masked: {id}");
            assert!(r["birth_date"].as_str().expect("birth").ends_with('年'));
        }
        let (status, _) = hr.get_json("/api/v1/teachers/staff?q=330503").await;
        assert_eq!(status, 422, "no search by number for a masked role");
        let (_, page) = hr.get_text("/teachers/staff").await;
        assert!(page.contains("身份证件号已脱敏"));
        let (_, full) = app
            .login("school003")
            .await
            .get_json("/api/v1/teachers/staff")
            .await;
        let id = items(&full)[0]["national_id"].as_str().expect("id");
        assert_eq!(id.len(), 18);
        assert!(!id.contains('*'));
        let views = count(&app, Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_staff_list' AND action = 'view' AND summary LIKE '查看教职工名单%'")).await;
        assert_eq!(views, 3, "each list view of personal data is audited");
        let (status, _) = app
            .login("jijiao")
            .await
            .get_json("/api/v1/teachers/staff")
            .await;
        assert_eq!(status, 403, "基教科 does not read the teachers area");
    }
);

both_backends!(
    the_export_is_the_filtered_list_and_is_audited,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let school = app.login("school003").await;
        let here = app.institution_of("school003").await;
        let r = school.get("/teachers/staff.xlsx?full_time=no").await;
        assert_eq!(r.status(), 200);
        let sheet = first_sheet(&r.bytes().await.expect("bytes"));
        assert!(title(&sheet).contains("专任：非专任"), "{}", title(&sheet));
        let names = column(&sheet, "姓名");
        let want = count(&app, Sql::new("SELECT COUNT(*) FROM teachers_staff WHERE workplace_id = $1 AND status = 'active' AND full_time = FALSE").arg(here)).await;
        assert_eq!(names.len() as i64, want);
        let ids = column(&sheet, "身份证件号");
        assert!(
            ids.iter().all(|c| c.to_string().len() == 18),
            "IDs in full, as text"
        );
        // A 督学 exports with ID numbers masked.
        let hr = app.login("duxue").await;
        let r = hr.get("/teachers/staff.xlsx?stage=senior").await;
        assert_eq!(r.status(), 200);
        let sheet = first_sheet(&r.bytes().await.expect("bytes"));
        assert!(column(&sheet, "身份证件号")
            .iter()
            .all(|c| c.to_string().contains("********")));
        let exports = count(&app, Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_staff_list' AND action = 'export'")).await;
        assert_eq!(exports, 2);
    }
);
