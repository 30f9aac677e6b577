//! The 整改通知书 as .docx: it opens and carries the order's fields.

use std::io::Read;

use reqwest::StatusCode;

use super::fixtures::{in_days, issued, number};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_notice_is_a_word_document_with_the_orders_fields,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school003").await;
        let mut anquanke = app.login("anquanke").await;
        let id = issued(&mut anquanke, "safety", school, "消防通道被杂物堵塞").await;
        let own = app.login("school003").await;
        let r = own
            .get(&format!("/inspection/orders/{id}/notice.docx"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("wordprocessingml"));
        let bytes = r.bytes().await.unwrap().to_vec();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx opens");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("the document part")
            .read_to_string(&mut xml)
            .unwrap();
        let deadline = chrono::NaiveDate::parse_from_str(&in_days(10), "%Y-%m-%d").unwrap();
        let institution = crate::common::browser::institution_name(&app, school).await;
        for field in [
            "整改通知书".to_string(),
            number("安改", 1),
            institution,
            "消防通道被杂物堵塞".into(),
            "立即整改并报送佐证材料".into(),
            "王校长".into(),
            platform::time::show_date(deadline),
            "安全科".into(),
            platform::time::show_date(platform::time::today()),
        ] {
            assert!(xml.contains(&field), "{field} missing from the notice");
        }
    }
);
