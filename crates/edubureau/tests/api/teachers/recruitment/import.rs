//! The score import: all rows or none, each problem named; and the
//! ranking export it reads back.

use platform::excel::{Cell, Workbook};

use super::{applicant, count, plan_with_post};
use crate::both_backends;
use crate::common::Backend;
use crate::students::id_for;

fn sheet(rows: &[[&str; 4]]) -> Vec<u8> {
    let mut wb = Workbook::template("成绩", &["身份证件号", "姓名", "笔试成绩", "面试成绩"]);
    for r in rows {
        wb.row(&[
            Cell::id(r[0]),
            Cell::text(r[1]),
            Cell::text(r[2]),
            Cell::text(r[3]),
        ])
        .expect("row");
    }
    wb.finish().expect("xlsx")
}

both_backends!(scores_import_all_or_nothing, |b: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
    let mut admin = app.login("admin").await;
    let school = app.institution_of("school003").await;
    let (plan, post) = plan_with_post(&mut admin, "2025年招聘", school, 1).await;
    let (a, b2) = (id_for("19990101", 11), id_for("19990202", 12));
    applicant(&mut admin, post, "甲", "19990101", 11).await;
    let b_number = applicant(&mut admin, post, "乙", "19990202", 12).await;
    let c = id_for("19990303", 13);
    applicant(&mut admin, post, "丙", "19990303", 13).await;
    let path = format!("/api/v1/teachers/recruitment/plans/{plan}/scores");
    let stranger = id_for("19880808", 99);
    let bad = sheet(&[
        [&a, "甲", "85.5", "101"],
        [&b2, "丙", "80", "80"],
        [&stranger, "", "80", "80"],
        [&a, "甲", "80", "80"],
        [&c, "丙", "8 0", ""],
    ]);
    let (s, body) = admin.upload(&path, "成绩.xlsx", bad, &[]).await;
    assert_eq!(s, 422, "{body}");
    let reasons: Vec<(i64, String, String)> = body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().unwrap(),
                e["column"].as_str().unwrap().into(),
                e["reason"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (2, "面试成绩".into(), "“101”超出 0–100 分".into()),
            (3, "姓名".into(), "姓名“丙”与报名信息“乙”不符".into()),
            (
                4,
                "身份证件号".into(),
                format!("身份证件号“{stranger}”未报名本招聘计划")
            ),
            (5, "身份证件号".into(), "身份证件号与第 2 行重复".into()),
            (6, "笔试成绩".into(), "“8 0”不是有效的分数".into()),
        ]
    );
    let scored = "SELECT COUNT(*) FROM teachers_recruitment_applicants WHERE written_score IS NOT NULL OR interview_score IS NOT NULL";
    assert_eq!(count(&app, scored).await, 0, "nothing written");

    let (s, body) = admin
        .upload(
            &path,
            "成绩.xlsx",
            sheet(&[[&a, "甲", "85.5", "90"], [&b2, "", "80", ""]]),
            &[],
        )
        .await;
    assert_eq!(s, 200, "{body}");
    assert_eq!(body["updated"], 2);
    let total: i64 = count(
        &app,
        "SELECT CAST(SUM(written_score) AS BIGINT) FROM teachers_recruitment_applicants",
    )
    .await;
    assert_eq!(total, 8550 + 8000, "丙 has no score yet");

    // The export lists the ranking in the layout the import reads.
    let r = admin
        .get(&format!("/teachers/recruitment/{plan}/ranking.xlsx"))
        .await;
    assert_eq!(r.status(), 200);
    let exports = "SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_recruitment_plan' AND action = 'export'";
    assert_eq!(count(&app, exports).await, 1, "the export is audited");
    let bytes = r.bytes().await.expect("bytes");
    let table = platform::excel::read_table(&bytes, "x.xlsx", None).expect("read back");
    let col = |h: &str| table.headers.iter().position(|x| x == h).expect(h);
    let first = &table.rows[0];
    assert_eq!(first.get(col("姓名")), "甲");
    assert_eq!(first.get(col("排名")), "1");
    assert_eq!(first.get(col("总成绩")), "88.2");
    let (s, body) = admin.upload(&path, "排名.xlsx", bytes.to_vec(), &[]).await;
    assert_eq!(s, 200, "the export imports back: {body}");

    // A file with masked ID numbers (as roles without full view export
    // it) is read by 报名编号; an ID that is not the applicant's is refused.
    let masked = platform::vocab::privacy::mask_id_number(&b2);
    let number = b_number.to_string();
    let by_number = |id: &str, interview: &str| {
        let mut wb = Workbook::template("成绩", &["报名编号", "身份证件号", "姓名", "面试成绩"]);
        wb.row(&[
            Cell::id(number.as_str()),
            Cell::id(id),
            Cell::text("乙"),
            Cell::text(interview),
        ])
        .expect("row");
        wb.finish().expect("xlsx")
    };
    let (s, body) = admin
        .upload(&path, "成绩.xlsx", by_number(&a, "70"), &[])
        .await;
    assert_eq!(s, 422, "{body}");
    assert_eq!(
        body["errors"][0]["reason"],
        format!("身份证件号与报名编号 {number} 的报考人员不符")
    );
    let (s, body) = admin
        .upload(&path, "成绩.xlsx", by_number(&masked, "75.5"), &[])
        .await;
    assert_eq!(s, 200, "{body}");
    let interview = count(
        &app,
        &format!(
            "SELECT interview_score FROM teachers_recruitment_applicants WHERE id = {b_number}"
        ),
    )
    .await;
    assert_eq!(interview, 7550);
});
