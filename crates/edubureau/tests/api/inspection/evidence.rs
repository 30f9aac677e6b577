//! Evidence files (佐证材料): a file that is not what it claims, an empty
//! or over-limit file is refused with its reason and nothing is stored; a
//! school reaches its own files only, served with the type of their content.

use reqwest::StatusCode;

use super::orders::fixtures::{issued, message, order, pdf, png, rows, step};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    files_are_checked_by_content_and_size_and_nothing_is_stored_when_one_is_bad,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let id = issued(&mut dudao, "supervision", school, "图书室未开放").await;
        let mut own = app.login("school003").await;
        let version = [("version", "1".to_string())];
        let mut big = pdf();
        big.resize(20 * 1024 * 1024 + 1, b' ');
        let bad: [(&str, Vec<u8>, &str); 5] = [
            ("报告.pdf", png(), "内容是PNG 图片"),
            ("照片.jpg", b"only some text".to_vec(), "不是可接受的类型"),
            ("空白.pdf", Vec::new(), "文件为空"),
            ("过大.pdf", big, "超过上限 20 MB"),
            ("无扩展名", pdf(), "与内容不符"),
        ];
        for (name, bytes, reason) in bad {
            let files = [("好的.png", png()), (name, bytes)];
            let (s, v) = step(&mut own, id, "respond", &version, &files).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {v}");
            let m = message(&v);
            assert!(m.contains(name) && m.contains(reason), "{name}: {m}");
        }
        assert_eq!(
            rows(&app, "inspection_evidence", "subject_id", id).await,
            0,
            "nothing stored"
        );
        assert_eq!(
            rows(&app, "inspection_order_events", "order_id", id).await,
            0
        );
        assert_eq!(order(&own, id).await["order"]["status"], "issued");
    }
);

both_backends!(
    a_file_is_served_to_its_own_school_with_the_type_of_its_content,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let id = issued(&mut dudao, "supervision", school, "宣传栏未更新").await;
        let mut own = app.login("school003").await;
        let version = [("version", "1".to_string())];
        let files = [("整改报告.pdf", pdf()), ("现场.png", png())];
        let (s, v) = step(&mut own, id, "respond", &version, &files).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let page = order(&own, id).await;
        let stored = page["response_files"].as_array().unwrap().clone();
        assert_eq!(stored.len(), 2);
        assert_eq!(stored[1]["media_type"], "image/png");
        for (f, bytes, mime) in [
            (&stored[0], pdf(), "application/pdf"),
            (&stored[1], png(), "image/png"),
        ] {
            let path = format!("/inspection/evidence/{}", f["id"]);
            let r = own.get(&path).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            assert_eq!(r.headers()["content-type"], mime);
            assert_eq!(r.headers()["x-content-type-options"], "nosniff");
            assert_eq!(r.bytes().await.unwrap().to_vec(), bytes);
            let r = dudao.get(&path).await;
            assert_eq!(
                r.status(),
                StatusCode::OK,
                "the bureau reads every school's files"
            );
            let other = app.login("school004").await;
            assert_eq!(
                other.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "another school's file"
            );
        }
    }
);
