//! Photos: typed by content (JPEG, PNG, WebP), size and count limited, a
//! decompression bomb refused, thumbnails made on upload, served within
//! the caller's scope.

use reqwest::StatusCode;

use super::fixtures::{count, days_ago, jpeg_bomb, png, post_report_form, project_at, report};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    photos_are_checked_by_content_and_limited,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let school = app.institution_of("school003").await;
        let id = project_at(&app, "航空新城小学", school).await;
        let mut admin = app.login("admin").await;
        let (_, r) = report(&mut admin, id, days_ago(3), "99.5", &[], "").await;
        let rid = r["id"].as_i64().expect("report");
        let photos = format!("/api/v1/construction/progress/{rid}/photos");

        let (s, p) = admin.upload(&photos, "现场.jpg", png(640, 480), &[]).await;
        assert_eq!(s, StatusCode::CREATED, "{p}");
        assert_eq!(
            (
                p["content_type"].as_str(),
                p["width"].as_i64(),
                p["height"].as_i64()
            ),
            (Some("image/png"), Some(640), Some(480)),
            "typed by content, not by name"
        );
        let pid = p["id"].as_i64().unwrap();
        let full = admin
            .get(&format!("/construction/progress/photos/{pid}"))
            .await;
        assert_eq!(full.headers()["content-type"], "image/png");
        assert_eq!(full.bytes().await.unwrap().to_vec(), png(640, 480));
        let thumb = admin
            .get(&format!("/construction/progress/photos/{pid}/thumb"))
            .await;
        assert_eq!(thumb.headers()["content-type"], "image/jpeg");
        let t = image::load_from_memory(&thumb.bytes().await.unwrap()).expect("a thumbnail");
        assert_eq!((t.width(), t.height()), (320, 240));

        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend(png(4, 4));
        let (s, v) = admin.upload(&photos, "photo.png", pdf, &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("不是 JPEG、PNG 或 WebP 图片"),
            "{v}"
        );
        let (s, v) = admin.upload(&photos, "bomb.jpg", jpeg_bomb(), &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("60000×60000"),
            "{v}"
        );
        let mut big = vec![0xFF, 0xD8, 0xFF];
        big.resize(10 * 1024 * 1024 + 1, 0);
        let (s, v) = admin.upload(&photos, "big.jpg", big, &[]).await;
        assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
        assert!(v["message"].as_str().unwrap().contains("超过 10 MB"), "{v}");
        assert_eq!(
            count(&app, "construction_progress_photos").await,
            1,
            "nothing stored"
        );

        for n in 2..=12 {
            let (s, v) = admin
                .upload(&photos, &format!("{n}.png"), png(8, 8), &[])
                .await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
        }
        let (s, v) = admin.upload(&photos, "13.png", png(8, 8), &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("已有 12 张照片"),
            "{v}"
        );
        assert_eq!(count(&app, "construction_progress_photos").await, 12);
    }
);

both_backends!(
    the_report_form_takes_photos_all_or_nothing,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let school = app.institution_of("school003").await;
        let id = project_at(&app, "城关小学扩建", school).await;
        let path = format!("/construction/projects/{id}/progress");
        let mut admin = app.login("admin").await;
        let on = days_ago(1).to_string();
        let fields = [("reported_on", on.as_str()), ("overall", "40")];
        let r = post_report_form(
            &mut admin,
            &path,
            &fields,
            vec![("a.png", png(20, 10)), ("b.txt", b"not an image".to_vec())],
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r
            .text()
            .await
            .unwrap()
            .contains("照片“b.txt”：不是 JPEG、PNG 或 WebP 图片"));
        assert_eq!(
            (
                count(&app, "construction_progress_reports").await,
                count(&app, "construction_progress_photos").await
            ),
            (0, 0)
        );
        let many: Vec<_> = (0..13).map(|_| ("p.png", png(2, 2))).collect();
        let r = post_report_form(&mut admin, &path, &fields, many).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("最多上传 12 张照片"));
        let r = post_report_form(
            &mut admin,
            &path,
            &fields,
            vec![("a.png", png(20, 10)), ("b.png", png(10, 20))],
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            (
                count(&app, "construction_progress_reports").await,
                count(&app, "construction_progress_photos").await
            ),
            (1, 2)
        );
        let (_, html) = admin.get_text(&path).await;
        assert_eq!(html.matches("class=\"thumb\"").count(), 2, "{html}");
    }
);
