//! The national programs as presets a bureau adapts on the program form.

use super::*;

both_backends!(
    a_program_starts_from_a_national_preset,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let (s, html) = c.get_text("/aid/programs/new").await;
        assert_eq!(s, StatusCode::OK);
        for name in [
            "学前教育资助",
            "义务教育家庭经济困难学生生活补助",
            "农村义务教育学生营养改善计划",
            "普通高中国家助学金",
            "中职国家助学金",
            "中职免学费",
        ] {
            assert!(html.contains(name), "preset {name} offered");
        }
        let (s, html) = c.get_text("/aid/programs/new?preset=nutrition").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains(r#"value="农村义务教育学生营养改善计划""#)
                && html.contains(r#"value="rural" checked"#)
                && html.contains("财教〔2021〕174号"),
            "the form is filled from the preset with its source: {html}"
        );
        // The bureau keeps the national 5 元 a school day and saves it.
        let form = [
            ("name", "农村义务教育学生营养改善计划"),
            ("funding_source", "中央财政"),
            ("period", "day"),
            ("amount_primary", "5"),
            ("amount_junior", "5"),
            ("urban_rural", "rural"),
            ("active", "on"),
        ];
        let r = c.post_form("/aid/programs", &form).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let at = r.headers()["location"].to_str().expect("loc").to_string();
        let id: i64 = at.rsplit('/').next().expect("id").parse().expect("num");
        // 100 school days × 5 元 for each of the 2,230 rural pupils.
        let (s, out) = run(&mut c, &[id]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        assert_eq!(out["programs"][0]["students"], 2230);
        assert_eq!(out["programs"][0]["amount"], 2230 * 50_000);
    }
);
