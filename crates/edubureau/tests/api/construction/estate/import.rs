//! Importing buildings: every bad row named by row, column and reason, and
//! a bad file changes nothing.

use reqwest::StatusCode;

use super::fixtures::finance;
use crate::both_backends;
use crate::common::Backend;

const HEADER: &str = "学校,校舍名称,建筑面积（平方米）,建成年份,结构类型,层数,用途,安全鉴定等级,鉴定日期,产权证状态,产权证号,备注";

both_backends!(
    a_bad_file_changes_nothing_and_names_each_row,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let school: String = app
            .db
            .fetch_one::<(String,)>(
                platform::db::Sql::new("SELECT name FROM institutions WHERE id = ")
                    .bind(app.institution_of("school003").await),
            )
            .await
            .expect("name")
            .0;
        let mut bureau = finance(&app).await;
        let bad = format!(
            "{HEADER}\n{school},1号教学楼,2400,1998,框架,4,教学,B级,2026-03-01,已办证,浙0001,\n\
         {school},旧宿舍楼,0,1970,木头,2,宿舍,D级,2026-03-01,未办证,,\n\
         不存在的学校,食堂,300,2000,砖混,1,食堂,,,未办证,,\n"
        );
        let (s, o) = bureau
            .upload(
                "/api/v1/construction/buildings/import",
                "校舍.csv",
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
        assert_eq!(
            errors,
            [
                (3, "结构类型".to_string()),
                (3, "建筑面积（平方米）".to_string()),
                (4, "学校".to_string())
            ]
        );
        let (_, list) = bureau.get_json("/api/v1/construction/buildings").await;
        assert_eq!(list["totals"]["buildings"], 0);

        let good = format!(
            "{HEADER}\n{school},1号教学楼,2400,1998,框架,4,教学,B级,2026-03-01,已办证,浙0001,\n\
         {school},旧宿舍楼,655,1970,砖木,2,宿舍,D级,2026-03-01,未办证,,停用\n"
        );
        let (s, o) = bureau
            .upload(
                "/api/v1/construction/buildings/import",
                "校舍.csv",
                good.clone().into_bytes(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{o}");
        assert_eq!(o["imported"], 2);
        let (_, list) = bureau
            .get_json("/api/v1/construction/buildings?grade=D")
            .await;
        assert_eq!(list["totals"]["floor_area"], 655);
        let (s, o) = bureau
            .upload(
                "/api/v1/construction/buildings/import",
                "校舍.csv",
                good.into_bytes(),
                &[],
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "names already taken: {o}"
        );
        assert!(
            o["errors"][0]["reason"]
                .as_str()
                .unwrap_or("")
                .contains("已有名为"),
            "{o}"
        );
    }
);
