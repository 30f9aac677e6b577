//! Setting up a round on its page: schools and seats picked from the
//! registry, catchments per school or from a workbook; a refused form keeps
//! every value, a refused file changes nothing.

use super::*;

/// Two active primary schools (小学) of the demo registry: ids and names.
async fn primary_schools(app: &TestApp) -> [(i64, String); 2] {
    let rows: Vec<(i64, String)> = app
        .db
        .fetch_all(platform::db::Sql::new(
            "SELECT id, name FROM institutions WHERE school_type = '211' AND status = 'active' ORDER BY id LIMIT 2",
        ))
        .await
        .expect("schools");
    [rows[0].clone(), rows[1].clone()]
}

async fn catchments(app: &TestApp, round: i64) -> Vec<(i64, String)> {
    app.db
        .fetch_all(
            platform::db::Sql::new(
                "SELECT institution_id, community FROM admissions_catchments WHERE round_id = ",
            )
            .bind(round)
            .push(" ORDER BY institution_id, community"),
        )
        .await
        .expect("catchments")
}

fn workbook(rows: &[[&str; 2]]) -> Vec<u8> {
    let mut wb = platform::excel::Workbook::template("学区", &["学校", "社区"]);
    for r in rows {
        let cells: Vec<_> = r.iter().map(|c| platform::excel::Cell::from(*c)).collect();
        wb.row(&cells).expect("row");
    }
    wb.finish().expect("xlsx")
}

/// Uploads `bytes` as a workbook on a page form; the status and the page.
async fn upload_page(c: &mut Client, path: &str, bytes: Vec<u8>) -> (StatusCode, String) {
    if c.csrf.is_none() {
        c.refresh_csrf().await;
    }
    let part = reqwest::multipart::Part::bytes(bytes).file_name("学区.xlsx");
    let r = c
        .http
        .post(format!("{}{path}", c.base))
        .header(
            "cookie",
            format!("edb_session={}", c.session.clone().unwrap_or_default()),
        )
        .header("x-csrf-token", c.csrf.clone().unwrap_or_default())
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .expect("send");
    (r.status(), r.text().await.expect("page"))
}

both_backends!(
    schools_and_catchments_are_chosen_from_the_registry_and_kept_after_errors,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut bureau = app.login("jijiao").await;
        let round = new_round(&mut bureau).await;
        let [(one, one_name), (two, two_name)] = primary_schools(&app).await;
        let page_path = format!("/admissions/{round}");
        let (s, page) = bureau.get_text(&page_path).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("school-picker") && page.contains(&one_name) && page.contains(&two_name)
        );
        assert!(
            !page.contains("学校标识码,学位数"),
            "no CSV text boxes any more"
        );

        // Zero seats at one school, more early places than seats at the
        // other: refused, each named, every value still in the form.
        let (one_k, two_k) = (one.to_string(), two.to_string());
        let bad = [
            ("pick", one_k.as_str()),
            (&format!("seats_{one}"), "0"),
            ("pick", two_k.as_str()),
            (&format!("seats_{two}"), "30"),
            (&format!("early_{two}"), "40"),
            (&format!("lottery_{two}"), "1"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()));
        let fields: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = bureau
            .post_form(&format!("{page_path}/schools"), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("html");
        assert!(
            html.contains(&format!("{one_name}：学位数应为 1 到 5000 的整数")),
            "{html}"
        );
        assert!(html.contains(&format!(
            "{two_name}：提前招生数应为 0 到学位数（30）之间的整数"
        )));
        for kept in [
            format!(r#"value="{one}" checked"#),
            format!(r#"value="{two}" checked"#),
            format!(r#"name="seats_{one}" min="1" max="5000" value="0""#),
            format!(r#"name="seats_{two}" min="1" max="5000" value="30""#),
            format!(r#"name="early_{two}" min="0" value="40""#),
            format!(r#"name="lottery_{two}" value="1" checked"#),
        ] {
            assert!(html.contains(&kept), "{kept} lost after the error");
        }
        let stored: i64 = app
            .db
            .scalar(
                platform::db::Sql::new(
                    "SELECT COUNT(*) FROM admissions_round_schools WHERE round_id = ",
                )
                .bind(round),
            )
            .await
            .expect("count");
        assert_eq!(stored, 0, "a refused form changes nothing");

        let good = [
            ("pick", one_k.as_str()),
            (&format!("seats_{one}"), "45"),
            ("pick", two_k.as_str()),
            (&format!("seats_{two}"), "30"),
            (&format!("early_{two}"), "5"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()));
        let fields: Vec<(&str, &str)> =
            good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = bureau
            .post_form(&format!("{page_path}/schools"), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = bureau.get_text(&page_path).await;
        assert!(page.contains(&format!(
            r#"name="seats_{one}" min="1" max="5000" value="45""#
        )));

        // Catchments per school.
        let c1 = format!("catchment_{one}");
        let c2 = format!("catchment_{two}");
        let long = "长".repeat(51);
        let r = bureau
            .post_form(
                &format!("{page_path}/catchments"),
                &[(&c1, "东迁社区、旧馆社区"), (&c2, &long)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("html");
        assert!(html.contains("超过 50 字") && html.contains(r#"value="东迁社区、旧馆社区""#));
        let r = bureau
            .post_form(
                &format!("{page_path}/catchments"),
                &[(&c1, "东迁社区、旧馆社区"), (&c2, "")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let before = catchments(&app, round).await;
        assert_eq!(
            before,
            vec![(one, "东迁社区".into()), (one, "旧馆社区".into())]
        );

        // A workbook with bad rows: every one reported, nothing changes.
        let import = format!("{page_path}/catchments.xlsx");
        let bad = workbook(&[
            [&one_name, "双林社区"],
            ["不存在的小学", "某社区"],
            [&two_name, ""],
        ]);
        let (s, html) = upload_page(&mut bureau, &import, bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            html.contains("第 3 行 学校：“不存在的小学”不是本轮招生学校"),
            "{html}"
        );
        assert!(
            html.contains(&format!("第 4 行 社区：请列出{two_name}学区内的社区")),
            "{html}"
        );
        assert_eq!(
            catchments(&app, round).await,
            before,
            "a refused file changes nothing"
        );
        let (s, html) = upload_page(&mut bureau, &import, b"not a workbook".to_vec()).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("第 1 行 学校：缺少“学校”列"), "{html}");

        let good = workbook(&[[&one_name, "东迁社区、双林社区"], [&two_name, "练市社区"]]);
        let (s, _) = upload_page(&mut bureau, &import, good).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(
            catchments(&app, round).await,
            vec![
                (one, "东迁社区".into()),
                (one, "双林社区".into()),
                (two, "练市社区".into())
            ]
        );
        // Saving the schools again keeps the catchments of schools still in.
        let r = bureau
            .post_form(&format!("{page_path}/schools"), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(catchments(&app, round).await.len(), 3);
    }
);
