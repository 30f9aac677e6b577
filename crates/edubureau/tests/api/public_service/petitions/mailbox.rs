//! The public mailbox: a letter gets a reference and query code; a retry of
//! the same form makes no second letter; bad input, files that are not what
//! they claim and forged forms change nothing; submissions are throttled
//! per address and per phone; the writer follows the case and rates once.

use platform::web::Config;
use reqwest::StatusCode;

use super::handling::answer;
use super::{count, id_of, letter, open_form, post_public, receipt, write_letter};
use crate::both_backends;
use crate::common::{spawn_app, spawn_app_configured, Backend};

const CASES: &str = "SELECT COUNT(*) FROM public_petitions";

both_backends!(
    a_letter_gets_a_reference_and_a_retry_makes_no_second,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let (token, form_id) = open_form(&app).await;
        let fields = letter(&form_id, "13800001234");
        let (s, first) = post_public(&app, "/mailbox", &token, &fields, None).await;
        assert_eq!(s, StatusCode::OK, "{first}");
        let first = receipt(&first);
        let year = chrono::Datelike::year(&platform::time::today());
        assert!(
            first.ref_no.starts_with(&format!("XF{year}-")),
            "{}",
            first.ref_no
        );
        assert_eq!(first.code.len(), 10);
        // A double click: the same form again gives the same letter, with a
        // fresh query code (the writer sees only the last answer).
        let (s, again) = post_public(&app, "/mailbox", &token, &fields, None).await;
        assert_eq!(s, StatusCode::OK, "{again}");
        let again = receipt(&again);
        assert_eq!(again.ref_no, first.ref_no);
        assert_eq!(count(&app, CASES).await, 1);
        let lookup = [
            ("ref_no", first.ref_no.as_str()),
            ("code", again.code.as_str()),
        ];
        let (s, page) = post_public(&app, "/mailbox/status", &token, &lookup, None).await;
        assert_eq!(s, StatusCode::OK, "{page}");
        assert!(page.contains("登记"), "{page}");
        let stale = [
            ("ref_no", first.ref_no.as_str()),
            ("code", first.code.as_str()),
        ];
        let (s, _) = post_public(&app, "/mailbox/status", &token, &stale, None).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        // A new form makes a new letter with the next number.
        let (token2, form2) = open_form(&app).await;
        let (s, next) = post_public(
            &app,
            "/mailbox",
            &token2,
            &letter(&form2, "13800001234"),
            None,
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        let next = receipt(&next);
        assert_ne!(next.ref_no, first.ref_no);
        assert_eq!(count(&app, CASES).await, 2);
    }
);

both_backends!(
    bad_letters_and_forged_forms_change_nothing,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let (token, form_id) = open_form(&app).await;
        let long = "字".repeat(5001);
        let bad = [
            ("form_id", form_id.as_str()),
            ("name", ""),
            ("phone", "12345"),
            ("topic", "nonsense"),
            ("subject", "标题"),
            ("content", long.as_str()),
        ];
        let (s, page) = post_public(&app, "/mailbox", &token, &bad, None).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        for message in [
            "请填写姓名",
            "请填写 11 位手机号码",
            "请选择信件类别",
            "内容不能超过 5000 个字",
            "请阅读并同意",
        ] {
            assert!(page.contains(message), "{message}: {page}");
        }
        // The form's token comes back in the redisplayed form.
        assert!(page.contains(&form_id));
        let good = letter(&form_id, "13800001234");
        let forged = app
            .client()
            .http
            .post(app.url("/mailbox"))
            .form(&good)
            .send()
            .await
            .expect("send");
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let mut no_form = good.clone();
        no_form.retain(|(k, _)| *k != "form_id");
        let (s, _) = post_public(&app, "/mailbox", &token, &no_form, None).await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        // A file that is not what it claims.
        let mut form = reqwest::multipart::Form::new().text("_csrf", token.clone());
        for (k, v) in &good {
            form = form.text(k.to_string(), v.to_string());
        }
        let fake =
            reqwest::multipart::Part::bytes(b"MZ\x90\x00 not a pdf".to_vec()).file_name("证据.pdf");
        let r = app
            .client()
            .http
            .post(app.url("/mailbox"))
            .header("cookie", format!("edb_form_csrf={token}"))
            .multipart(form.part("files", fake))
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("证据.pdf"));
        assert_eq!(count(&app, CASES).await, 0);
        assert_eq!(count(&app, "SELECT COUNT(*) FROM public_files").await, 0);
        // A real PDF is kept with the letter.
        let mut form = reqwest::multipart::Form::new().text("_csrf", token.clone());
        for (k, v) in &good {
            form = form.text(k.to_string(), v.to_string());
        }
        let pdf = reqwest::multipart::Part::bytes(
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".to_vec(),
        )
        .file_name("证据.pdf");
        let r = app
            .client()
            .http
            .post(app.url("/mailbox"))
            .header("cookie", format!("edb_form_csrf={token}"))
            .multipart(form.part("files", pdf))
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(count(&app, CASES).await, 1);
        assert_eq!(
        count(&app, "SELECT COUNT(*) FROM public_files WHERE subject = 'petition' AND media_type = 'application/pdf'").await,
        1
    );
    }
);

both_backends!(
    submissions_are_throttled_per_address_and_per_phone,
    |b: Backend| async move {
        let config = Config {
            public_submissions_per_minute: 3,
            trusted_proxies: vec![std::net::Ipv4Addr::LOCALHOST.into()],
            ..Config::default()
        };
        let app = spawn_app_configured(b, true, config).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let mut statuses = vec![];
        for n in 0..4 {
            let (token, form_id) = open_form(&app).await;
            let phone = format!("1380000{n:04}");
            let (s, _) = post_public(
                &app,
                "/mailbox",
                &token,
                &letter(&form_id, &phone),
                Some("203.0.113.9"),
            )
            .await;
            statuses.push(s);
        }
        assert_eq!(statuses[..3], [StatusCode::OK; 3]);
        assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS);
        // Another address is not affected; one phone is capped at five a day.
        let mut phone_statuses = vec![];
        for n in 0..6 {
            let (token, form_id) = open_form(&app).await;
            let from = format!("198.51.100.{n}");
            let (s, page) = post_public(
                &app,
                "/mailbox",
                &token,
                &letter(&form_id, "13911112222"),
                Some(&from),
            )
            .await;
            phone_statuses.push(s);
            if n == 5 {
                assert!(
                    page.contains("同一手机号 24 小时内最多提交 5 封信件"),
                    "{page}"
                );
            }
        }
        assert_eq!(phone_statuses[..5], [StatusCode::OK; 5]);
        assert_eq!(phone_statuses[5], StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(count(&app, CASES).await, 8);
    }
);

both_backends!(
    the_writer_follows_the_case_and_rates_the_reply_once,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let l = write_letter(&app, "13800005678").await;
        let id = id_of(&app, &l.ref_no).await;
        let (token, _) = open_form(&app).await;
        let rate = |s: &'static str| {
            [
                ("ref_no", l.ref_no.as_str()),
                ("code", l.code.as_str()),
                ("satisfaction", s),
            ]
        };
        let early = rate("satisfied");
        let (s, page) = post_public(&app, "/mailbox/rate", &token, &early, None).await;
        assert_eq!(s, StatusCode::CONFLICT, "{page}");
        assert!(page.contains("答复之后才能评价"));
        answer(&app, id, "经调查，已责令学校退还资料费。").await;
        let lookup = [("ref_no", l.ref_no.as_str()), ("code", l.code.as_str())];
        let (s, page) = post_public(&app, "/mailbox/status", &token, &lookup, None).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("已责令学校退还资料费"), "{page}");
        assert!(page.contains(r#"id="rate""#));
        let (s, page) = post_public(&app, "/mailbox/rate", &token, &early, None).await;
        assert_eq!(s, StatusCode::OK, "{page}");
        assert!(page.contains("感谢您的评价"));
        let twice = rate("unsatisfied");
        let (s, page) = post_public(&app, "/mailbox/rate", &token, &twice, None).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(page.contains("每件只能评价一次"));
        let kept = count(&app, "SELECT COUNT(*) FROM public_petitions WHERE satisfaction = 'satisfied' AND status = 'rated'").await;
        assert_eq!(kept, 1);
        let wrong = [("ref_no", l.ref_no.as_str()), ("code", "AAAAAAAAAA")];
        let (s, _) = post_public(&app, "/mailbox/status", &token, &wrong, None).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);
