//! The citizen's side: online registration with its bad input, sign-in by
//! card number or phone, the own page, logout.

use reqwest::StatusCode;

use super::fixtures::{count, csrf_in, first_township, id_number, registration, Citizen};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_citizen_registers_online_and_signs_in,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let town = first_township(&app).await;
        let mut citizen = Citizen::new(&app).await;
        let id = id_number("19580312", 22);
        let r = citizen
            .post("/card/register", &registration(&id, "13812345678", &town))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap();
        let at = html.find("id=\"card-no\"").expect("card number shown");
        let card_no: String = html[at..]
            .split("<strong>")
            .nth(1)
            .unwrap()
            .chars()
            .take(15)
            .collect();
        assert!(card_no.starts_with("330503"), "{card_no}");
        assert!(community::domain::cards::CardNo::parse(&card_no).is_some());
        let (sex, via, verified): (String, String, Option<chrono::NaiveDate>) = app
            .db
            .fetch_one(
                platform::db::Sql::new(
                    "SELECT sex, registered_via, verified_on FROM community_cards WHERE card_no = ",
                )
                .bind(card_no.as_str()),
            )
            .await
            .unwrap();
        assert_eq!(
            (sex.as_str(), via.as_str(), verified),
            ("f", "online", None)
        );

        // A second card for the same ID: a clear message, nothing changed.
        let before = count(&app, "community_cards").await;
        let r = citizen
            .post("/card/register", &registration(&id, "13812345679", &town))
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        assert!(r.text().await.unwrap().contains("该身份证号已办理学习卡"));
        assert_eq!(count(&app, "community_cards").await, before);

        // Wrong password, then the card number, then the phone.
        assert_eq!(
            citizen.login(&card_no, "wrong-pass1").await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(citizen.get("/card/me").await.0, StatusCode::SEE_OTHER);
        assert_eq!(
            citizen.login(&card_no.to_lowercase(), "study2026").await,
            StatusCode::SEE_OTHER
        );
        let (s, me) = citizen.get("/card/me").await;
        assert_eq!(s, StatusCode::OK);
        assert!(me.contains("李学文") && me.contains(&card_no), "{me}");
        assert!(me.contains("待首次上课时核验"));
        assert!(me.contains("id=\"hours\">0.0 小时"), "{me}");
        let csrf = csrf_in(&me);
        // Logging out needs the session's token.
        let r = citizen.act("/card/logout", "forged", &[]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let r = citizen.act("/card/logout", &csrf, &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(citizen.get("/card/me").await.0, StatusCode::SEE_OTHER);
        let mut by_phone = Citizen::new(&app).await;
        assert_eq!(
            by_phone.login("138-1234-5678", "study2026").await,
            StatusCode::SEE_OTHER
        );
        assert_eq!(by_phone.get("/card/me").await.0, StatusCode::OK);
        // The cookie is HttpOnly, SameSite=Lax.
        let r = by_phone
            .post(
                "/card/login",
                &[("name", &card_no), ("password", "study2026")],
            )
            .await;
        let set = crate::common::set_cookie_header(&r, "edb_card").expect("card cookie");
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax"),
            "{set}"
        );
    }
);

both_backends!(bad_registrations_change_nothing, |b: Backend| async move {
    let app = spawn_app(b).await;
    crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    let town = first_township(&app).await;
    let citizen = Citizen::new(&app).await;
    let (cards, logins) = (
        count(&app, "community_cards").await,
        count(&app, "community_card_logins").await,
    );
    let good = id_number("19700101", 35);
    let bad_check = format!(
        "{}{}",
        &good[..17],
        if good.ends_with('0') { '1' } else { '0' }
    );
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            bad_check.as_str(),
            "13812345678",
            "id_number",
            "身份证号有误",
        ),
        (good.as_str(), "1381234567", "phone", "手机号应为 11 位数字"),
        (
            good.as_str(),
            "12812345678",
            "phone",
            "手机号应为 11 位数字",
        ),
        (
            good.as_str(),
            "0572-2234567",
            "phone",
            "手机号应为 11 位数字",
        ),
    ];
    for (id, phone, _field, message) in cases {
        let r = citizen
            .post("/card/register", &registration(id, phone, &town))
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{id} {phone}");
        assert!(r.text().await.unwrap().contains(message), "{message}");
    }
    let mut fields = registration(&good, "13812345678", &town);
    fields[6] = ("confirm", "other2026");
    let r = citizen.post("/card/register", &fields).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("两次输入的密码不一致"));
    // Without the form cookie's token: refused.
    let r = citizen
        .http
        .post(app.url("/card/register"))
        .form(&registration(&good, "13812345678", &town))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&app, "community_cards").await, cards);
    assert_eq!(count(&app, "community_card_logins").await, logins);
});
