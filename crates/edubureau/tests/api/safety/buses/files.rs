//! The fleet's spreadsheets: an import names every bad row and changes
//! nothing; a good one adds the buses; the export reads back.

use reqwest::StatusCode;

use super::super::fixtures::day as in_days;
use super::{add_bus, spawn_without_buses};
use crate::both_backends;
use crate::common::Backend;

const HEADER: &str = "学校,车牌号,核载人数,运营单位,校车标牌号,校车标牌有效期至,年检有效期至,保险有效期至,驾驶人,准驾车型,驾驶证有效期至,校车驾驶资格,线路,乘车学生数";

fn row(school: &str, plate: &str, seats: &str, class: &str, approved: &str) -> String {
    let (a, b) = (in_days(200), in_days(20));
    format!("{school},{plate},{seats},校车公司,闽G校01,{a},{a},{b},王师傅,{class},{a},{approved},水南—学校,{seats}\n")
}

both_backends!(
    a_bad_fleet_file_changes_nothing_and_a_good_one_imports,
    |b: Backend| async move {
        let app = spawn_without_buses(b).await;
        let own = app.institution_of("school003").await;
        let school: String = app
            .db
            .fetch_one::<(String,)>(
                platform::db::Sql::new("SELECT name FROM institutions WHERE id = ").bind(own),
            )
            .await
            .expect("name")
            .0;
        let mut bureau = app.login("anquanke").await;
        add_bus(&mut bureau, own, "闽G30001", 100).await;
        let bad = format!(
            "{HEADER}\n{}{}{}{}{}",
            row(&school, "闽G30002", "19", "B1", "是"),
            row(&school, "闽G30001", "19", "B1", "是"),
            row("不存在的学校", "闽G30003", "30", "B1", "也许"),
            row(&school, "闽G30002", "9", "C1", "否"),
            row(&school, "沪", "abc", "D", "是"),
        );
        let (s, o) = bureau
            .upload(
                "/api/v1/safety/buses/import",
                "校车.csv",
                bad.into_bytes(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{o}");
        assert_eq!(o["applied"], false);
        let errors: Vec<(i64, String)> = o["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .map(|e| {
                (
                    e["row"].as_i64().unwrap_or(0),
                    e["column"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let expected = [
            (3, "车牌号"),
            (4, "学校"),
            (4, "校车驾驶资格"),
            (5, "车牌号"),
            (6, "核载人数"),
            (6, "准驾车型"),
            (6, "乘车学生数"),
        ];
        assert_eq!(errors, expected.map(|(r, c)| (r, c.to_string())), "{o}");
        let (_, all) = bureau.get_json("/api/v1/safety/buses").await;
        assert_eq!(all.as_array().map(Vec::len), Some(1), "nothing imported");

        let good = format!(
            "{HEADER}\n{}{}",
            row(&school, "闽G30002", "19", "B1", "是"),
            row(&school, "闽G·30003", "45", "A1", "否"),
        );
        let (s, o) = bureau
            .upload(
                "/api/v1/safety/buses/import",
                "校车.csv",
                good.into_bytes(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{o}");
        assert_eq!(o["imported"], 2);
        let (_, all) = bureau
            .get_json("/api/v1/safety/buses?institution_id=&state=")
            .await;
        assert_eq!(all.as_array().map(Vec::len), Some(3));

        let r = bureau.get("/safety/buses.xlsx?state=expiring").await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("xlsx");
        let table = platform::excel::read_table(&bytes, "校车.xlsx", None).expect("read back");
        let plates: Vec<&str> = table.rows.iter().map(|r| r.get(1)).collect();
        assert_eq!(plates, ["闽G·30002", "闽G·30003"], "{:?}", table.headers);
        let r = bureau.get("/safety/buses/template.xlsx").await;
        assert_eq!(r.status(), StatusCode::OK);
    }
);
