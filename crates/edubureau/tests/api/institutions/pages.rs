//! The institution pages.

use super::*;

both_backends!(
    pages_render_list_detail_and_forms,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("admin").await;
        let (s, list) = c.get_text("/institutions?category=primary").await;
        assert_eq!(s, StatusCode::OK);
        assert!(list.contains("南浔区实验小学") && !list.contains("幼儿看护点"));
        let id = app.institution_of("school001").await;
        let (s, detail) = c.get_text(&format!("/institutions/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(detail.contains("历年规模") && detail.contains("称号变动"));
        let (s, form) = c.get_text(&format!("/institutions/{id}/edit")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("name=\"version\""));
        // A form post with a bad value re-renders with the message and keeps the input.
        let r = c
            .post_form(
                "/institutions",
                &[
                    ("name", "南浔区测试中学"),
                    ("school_type", "311"),
                    ("ownership", "public"),
                    ("township", "330503101"),
                    ("approved_places", "很多"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = r.text().await.expect("body");
        assert!(text.contains("核定学位数应为整数") && text.contains("南浔区测试中学"));
        let r = c
            .post_form(
                "/institutions",
                &[
                    ("name", "南浔区测试中学"),
                    ("code", "2133999002"),
                    ("school_type", "311"),
                    ("ownership", "public"),
                    ("township", "330503101"),
                    ("approved_places", "900"),
                    ("class_count", "18"),
                    ("boarding", "否"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(r.headers()["location"]
            .to_str()
            .expect("loc")
            .ends_with("?notice=created"));
        let (_, home) = c.get_text("/").await;
        assert!(home.contains("机构概况"));
        let (s, spec) = c.get_json("/api/openapi.json").await;
        assert_eq!(s, StatusCode::OK);
        assert!(spec["paths"]["/api/v1/institutions/{id}"].is_object());
        assert_eq!(c.get_text("/healthz").await.1, "ok");
    }
);
