//! Staff pages and API of cards: desk registration with its bad input, the
//! masked list, the audited detail, password reset, export, and scoping (a
//! community school sees the cards it issued and those enrolled in its
//! sessions; another school's card by id is 404).

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{
    card, community_schools, count, first_township, id_number, session, Citizen,
};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

fn desk(id: &str, phone: &str, town: &str) -> Value {
    json!({"name": "王秀英", "id_number": id, "phone": phone, "township_id": town, "community": "南林社区"})
}

both_backends!(desk_cards_and_their_bad_input, |b: Backend| async move {
    let app = spawn_app(b).await;
    crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    let town = first_township(&app).await;
    let mut zhicheng = app.login("zhicheng").await;
    let id = id_number("19520808", 44);
    let (s, issued) = zhicheng
        .post_json("/api/v1/community/cards", &desk(&id, "13705721234", &town))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{issued}");
    let card_no = issued["card_no"].as_str().unwrap().to_string();
    let password = issued["initial_password"].as_str().unwrap().to_string();
    assert!(community::domain::cards::CardNo::parse(&card_no).is_some());
    let (verified, by): (Option<chrono::NaiveDate>, Option<i64>) = app
        .db
        .fetch_one(
            Sql::new("SELECT verified_on, issued_by FROM community_cards WHERE card_no = ")
                .bind(card_no.as_str()),
        )
        .await
        .unwrap();
    assert_eq!((verified, by), (Some(platform::time::today()), None));
    // The holder signs in with the printed password.
    let mut holder = Citizen::new(&app).await;
    assert_eq!(
        holder.login(&card_no, &password).await,
        StatusCode::SEE_OTHER
    );

    let before = count(&app, "community_cards").await;
    let bad_check = format!("{}{}", &id[..17], if id.ends_with('0') { '1' } else { '0' });
    for (body, field) in [
        (desk(&bad_check, "13705721234", &town), "id_number"),
        (
            desk(&id_number("19520808", 46), "1370572123", &town),
            "phone",
        ),
        (
            desk(&id_number("19520808", 46), "13705721234", "x"),
            "township_id",
        ),
    ] {
        let (s, v) = zhicheng.post_json("/api/v1/community/cards", &body).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v.to_string().contains(field), "{v}");
    }
    let (s, v) = zhicheng
        .post_json("/api/v1/community/cards", &desk(&id, "13705721234", &town))
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(v.to_string().contains("该身份证号已办理学习卡"));
    assert_eq!(count(&app, "community_cards").await, before);

    // The desk form page.
    let r = zhicheng
        .post_form(
            "/community/cards",
            &[
                ("name", "沈建国"),
                ("id_number", &id_number("19480101", 11)),
                ("phone", "13905720000"),
                ("township_id", &town),
                ("community", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"initial-password\"") && html.contains("只显示这一次"));
    let r = zhicheng
        .post_form(
            "/community/cards",
            &[
                ("name", "沈建国"),
                ("id_number", "123"),
                ("phone", "1"),
                ("township_id", &town),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("手机号应为 11 位数字"));
    // Only writers make cards.
    let mut dudao = app.login("dudao").await;
    let (s, _) = dudao
        .post_json(
            "/api/v1/community/cards",
            &desk(&id_number("19520808", 48), "13705721234", &town),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
});

both_backends!(schools_see_their_own_cards_only, |b: Backend| async move {
    let app = spawn_app(b).await;
    crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    let schools = community_schools(&app).await;
    let ((a, a_user), (other, _)) = (schools[0].clone(), schools[1].clone());
    let own = card(&app, 1, Some(a)).await;
    let theirs = card(&app, 2, Some(other)).await;
    let mut school = app.login(&a_user).await;
    let (s, page) = school.get_json("/api/v1/community/cards").await;
    assert_eq!(s, StatusCode::OK);
    let ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [own]);
    assert!(
        page["items"][0]["id_number"]
            .as_str()
            .unwrap()
            .contains('*'),
        "masked"
    );
    for path in [
        format!("/api/v1/community/cards/{theirs}"),
        format!("/community/cards/{theirs}"),
    ] {
        assert_eq!(
            school.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let (s, _) = school
        .post_json(
            &format!("/api/v1/community/cards/{theirs}/password"),
            &json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, v) = school
        .get_json(&format!("/api/v1/community/cards/{own}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        !v["id_number"].as_str().unwrap().contains('*'),
        "the detail is in full"
    );
    let viewed = app
        .db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'community_card' AND entity_id = ")
                .bind(own),
        )
        .await
        .unwrap();
    assert_eq!(viewed, 1);
    // A desk enrolment of the other school's card in the school's own
    // session: the school now sees that card; not in another's session.
    let mine = session(&app, a, 5).await;
    let not_mine = session(&app, other, 5).await;
    let (s, v) = school
        .post_json(
            &format!("/api/v1/community/cards/{theirs}/enrolments"),
            &json!({"session_id": not_mine}),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
    let (s, v) = school
        .post_json(
            &format!("/api/v1/community/cards/{theirs}/enrolments"),
            &json!({"session_id": mine}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(
        school
            .get(&format!("/community/cards/{theirs}"))
            .await
            .status(),
        StatusCode::OK
    );
    let (s, reset) = school
        .post_json(
            &format!("/api/v1/community/cards/{own}/password"),
            &json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(reset["initial_password"].as_str().unwrap().len(), 8);
    // The bureau sees every card.
    let zhicheng = app.login("zhicheng").await;
    let (_, page) = zhicheng.get_json("/api/v1/community/cards").await;
    assert!(page["total"].as_i64().unwrap() >= 2);
    let (s, list) = zhicheng
        .get_text("/community/cards?q=%E6%B5%8B%E8%AF%95")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(list.contains("测试1") && list.contains("测试2"), "{list}");
    let r = zhicheng.get("/community/cards/export.xlsx").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("spreadsheet"));
    let exported = app
        .db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND entity = 'community_card'",
        ))
        .await
        .unwrap();
    assert_eq!(exported, 1);
});
