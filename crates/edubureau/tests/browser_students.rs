//! End-to-end stories of student records (学籍) and dropout control (控辍保学)
//! in a real headless Chromium, as school staff, inspectors and bureau staff
//! use them: the list and a pupil's page with the ID masked by role,
//! admission through the form, bulk import with its progress page and error
//! report, a transfer confirmed by the receiving school, and the household
//! register comparison with a home visit.
//!
//! Each test starts its own server on a fresh SQLite database with the demo
//! district, its own chromedriver and browser (see common/browser.rs). The
//! pupils and children a test makes have ID numbers no demo record has.

mod common;

use std::path::{Path, PathBuf};

use common::browser::{institution_name, with_browser, Browser, WINDOW};
use common::TestApp;
use platform::db::Sql;

/// The 学校标识码 of the institution of `username`, read through the API.
async fn code_of(app: &TestApp, username: &str) -> String {
    let id = app.institution_of(username).await;
    let admin = app.login("admin").await;
    let (status, v) = admin.get_json(&format!("/api/v1/institutions/{id}")).await;
    assert!(status.is_success(), "GET institution {id}: {status}");
    v["code"]
        .as_str()
        .unwrap_or_else(|| panic!("institution {id} has no code: {v}"))
        .to_string()
}

/// The name of the institution of `username`.
async fn school_name(app: &TestApp, username: &str) -> String {
    let id = app.institution_of(username).await;
    institution_name(app, id).await
}

/// A valid 18-digit ID number made of `body15` (region, birth date and the
/// first digit of the sequence) and the next two sequence digits from
/// `from` on, which neither a student nor a child of the register has.
async fn unused_id(app: &TestApp, body15: &str, from: u32) -> String {
    assert_eq!(body15.len(), 15, "{body15}: region, birth date, one digit");
    for n in from..100 {
        let body = format!("{body15}{n:02}");
        let check = platform::vocab::identity::check_char(&body).expect("17 digits");
        let id = format!("{body}{check}");
        let mut used = 0;
        for table in ["students", "students_children"] {
            used += app
                .db
                .scalar(
                    Sql::new(format!("SELECT COUNT(*) FROM {table} WHERE id_number = "))
                        .bind(id.as_str()),
                )
                .await
                .expect("look the ID number up");
        }
        if used == 0 {
            return id;
        }
    }
    panic!("no unused ID number for {body15}");
}

/// The same number with another, wrong check character.
fn with_wrong_check(id: &str) -> String {
    let (body, check) = id.split_at(17);
    let wrong = if check == "1" { '2' } else { '1' };
    format!("{body}{wrong}")
}

/// 男 or 女, from the 17th digit of an ID number.
fn sex_of(id: &str) -> &'static str {
    let digit = id.as_bytes()[16] - b'0';
    if digit % 2 == 1 {
        "男"
    } else {
        "女"
    }
}

/// Writes a UTF-8 CSV file with these rows under `dir`.
fn write_csv(dir: &Path, file: &str, rows: &[&[&str]]) -> PathBuf {
    let mut w = csv::Writer::from_writer(vec![]);
    for r in rows {
        w.write_record(*r).expect("CSV row");
    }
    let path = dir.join(file);
    std::fs::write(&path, w.into_inner().expect("CSV bytes")).expect("write the CSV file");
    path
}

/// The number N of "共 N 名在籍学生" on the student list.
async fn student_total(b: &Browser) -> u64 {
    let text = b.text("main p.muted").await;
    let digits: String = text
        .trim_start_matches("共 ")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no total in {text:?}"))
}

/// Searches the student list for `q` through the filter form.
async fn search_students(b: &Browser, q: &str) -> Vec<Vec<String>> {
    b.goto("/students").await;
    b.fill("q", q).await;
    b.press("查询").await;
    b.expect_status(200, "search the student list").await;
    assert_eq!(
        b.value("input[name='q']").await,
        q,
        "the form keeps the query"
    );
    b.rows("students").await
}

/// The first pupil of the list shown with status 在读: its cells and the
/// path of its page.
async fn first_active_pupil(b: &Browser) -> (Vec<String>, String) {
    for tr in b.find_all("table#students tbody tr").await {
        let mut cells = Vec::new();
        for td in tr
            .find_all(fantoccini::Locator::Css("td"))
            .await
            .expect("cells")
        {
            cells.push(td.text().await.expect("cell text"));
        }
        if cells.get(7).is_some_and(|s| s == "在读") {
            let a = tr
                .find(fantoccini::Locator::Css("td a"))
                .await
                .expect("a link to the pupil");
            let href = a.attr("href").await.expect("href").expect("an href");
            return (cells, href);
        }
    }
    panic!("no pupil 在读 on {}", b.path().await)
}

fn is_full_id(s: &str) -> bool {
    s.len() == 18 && !s.contains('*')
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_staff_see_their_own_pupils_in_full_and_an_inspector_masked() {
    with_browser(|b| async move {
        let own = school_name(&b.app, "school001").await;

        b.login("school001").await;
        b.goto("/students").await;
        assert_eq!(b.path().await, "/students");
        b.expect_status(200, "the student list").await;
        let rows = b.rows("students").await;
        assert!(!rows.is_empty(), "the school has pupils");
        for r in &rows {
            assert_eq!(r[4], own, "a pupil of another school: {r:?}");
            assert!(is_full_id(&r[1]), "the school sees IDs in full: {r:?}");
        }
        let summary = b.text("main p.muted").await;
        assert!(!summary.contains("脱敏"), "{summary}");
        let own_total = student_total(&b).await;

        // One pupil's page, with the full ID number.
        let (row, href) = first_active_pupil(&b).await;
        let link = b
            .find(&format!("table#students tbody a[href='{href}']"))
            .await;
        b.click_and_wait(link, "the pupil's name").await;
        assert_eq!(b.path().await, href);
        b.expect_status(200, "the pupil's page").await;
        assert_eq!(b.text("main h1").await, format!("学籍：{}", row[0]));
        let full = b.fact("身份证件号").await;
        assert_eq!(full, row[1], "the page shows the ID of the list");
        assert!(is_full_id(&full), "{full}");
        let current = b.fact("当前学籍").await;
        assert!(
            current.contains(&own) && current.contains("在读"),
            "{current}"
        );
        assert!(!b.rows("history").await.is_empty(), "enrolment history");

        // An inspector opens the same page by its address: masked.
        b.logout().await;
        b.login("duxue").await;
        b.goto(&href).await;
        b.expect_status(200, "the inspector opens the pupil").await;
        let masked = b.fact("身份证件号").await;
        let chars: Vec<char> = masked.chars().collect();
        assert_eq!(chars.len(), 18, "{masked}");
        assert!(
            chars[6..14].iter().all(|c| *c == '*'),
            "positions 7–14 masked: {masked}"
        );
        assert_eq!(masked.matches('*').count(), 8, "{masked}");
        assert_eq!(masked[..6], full[..6], "the region is shown");
        assert_eq!(masked[14..], full[14..], "the last four are shown");
        let body = b.body_text().await;
        assert!(!body.contains(&full), "the full ID leaks: {body}");

        // 基教科 sees the whole district, in full.
        b.logout().await;
        b.login("jijiao").await;
        b.goto("/students").await;
        assert_eq!(b.path().await, "/students");
        let rows = b.rows("students").await;
        assert!(!rows.is_empty());
        for r in &rows {
            assert!(is_full_id(&r[1]), "基教科 sees IDs in full: {r:?}");
        }
        // The district-wide list pages without a total; it reaches past
        // the one school's pupils.
        let schools: std::collections::BTreeSet<&str> =
            rows.iter().map(|r| r[4].as_str()).collect();
        assert!(own_total > 0);
        b.goto("/students?page=20").await;
        let later = b.rows("students").await;
        assert!(
            !later.is_empty()
                && (schools.len() > 1 || later.iter().any(|r| !schools.contains(r[4].as_str()))),
            "the district list goes beyond one school"
        );
        b.screenshot("students.png", Some(WINDOW.1)).await;
        b.goto(&href).await;
        b.expect_status(200, "基教科 opens the pupil").await;
        assert_eq!(b.fact("身份证件号").await, full);
        b.screenshot("student.png", None).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_staff_admit_a_new_pupil_through_the_form() {
    with_browser(|b| async move {
        const NAME: &str = "林沐阳";
        let code = code_of(&b.app, "school001").await;
        let own = school_name(&b.app, "school001").await;
        // Born in March 2016: ten on 31 August 2026, so 四年级 in 2026—2027.
        let id = unused_id(&b.app, "330503201603150", 23).await;

        b.login("school001").await;
        b.goto("/students").await;
        b.follow_link("办理入学").await;
        assert_eq!(b.path().await, "/students/new");
        b.expect_status(200, "the admission form").await;
        assert_eq!(
            b.value("[name='学校标识码']").await,
            code,
            "the school's own code is filled in"
        );
        b.fill("姓名", NAME).await;
        b.fill("身份证件号", &id).await;
        let grade = b.find("[name='年级']").await;
        if grade.tag_name().await.expect("tag name") == "select" {
            b.choose("年级", "四年级").await;
        } else {
            b.fill("年级", "四年级").await;
        }
        b.fill("班级", "2班").await;
        b.press("办理入学").await;

        b.expect_status(200, "the admitted pupil's page").await;
        let path = b.path().await;
        assert!(
            path.starts_with("/students/") && path["/students/".len()..].parse::<i64>().is_ok(),
            "lands on the pupil's page, not {path}"
        );
        assert_eq!(b.text("p.notice").await, "已办理入学。");
        assert_eq!(b.text("main h1").await, format!("学籍：{NAME}"));
        assert_eq!(b.fact("身份证件号").await, id);
        assert_eq!(b.fact("性别").await, sex_of(&id), "sex from the ID");
        assert_eq!(
            b.fact("出生日期").await,
            "2016-03-15",
            "birth date from the ID"
        );
        let current = b.fact("当前学籍").await;
        for words in [own.as_str(), "四年级", "2班", "在读"] {
            assert!(current.contains(words), "{words} in {current}");
        }
        let history = b.rows("history").await;
        assert_eq!(history.len(), 1, "{history:?}");
        assert_eq!(history[0][1], own);
        assert_eq!(history[0][2], "四年级");

        // The list finds the pupil by name.
        let rows = search_students(&b, NAME).await;
        let found: Vec<_> = rows.iter().filter(|r| r[1] == id).collect();
        assert_eq!(found.len(), 1, "the new pupil is listed once: {rows:?}");
        let r = found[0];
        assert_eq!(r[0], NAME);
        assert_eq!(r[4], own);
        assert_eq!(r[5], "四年级");
        assert_eq!(r[6], "2班");
        assert_eq!(r[7], "在读");
        for r in &rows {
            assert!(r[0].contains(NAME), "row does not match the name: {r:?}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_staff_import_pupils_and_see_the_errors_of_a_bad_file() {
    with_browser(|b| async move {
        let code = code_of(&b.app, "school001").await;
        let own = school_name(&b.app, "school001").await;
        let files = tempfile::tempdir().expect("temp dir for the files");
        let id1 = unused_id(&b.app, "330503201504200", 11).await;
        let id2 = unused_id(&b.app, "330503201709050", 22).await;
        let header: &[&str] = &["姓名", "身份证件号", "学校标识码", "年级", "班级"];
        let good = write_csv(
            files.path(),
            "pupils.csv",
            &[
                header,
                &["宋知远", &id1, &code, "五年级", "3班"],
                &["许若溪", &id2, &code, "三年级", "1班"],
            ],
        );

        b.login("school001").await;
        b.goto("/students").await;
        b.follow_link("批量导入").await;
        assert_eq!(b.path().await, "/students/import");
        b.attach("file", &good).await;
        b.press("上传并导入").await;
        assert!(
            b.path().await.starts_with("/students/import/"),
            "the progress page shows"
        );
        b.wait_for_text(&["导入完成", "未导入任何数据"]).await;
        let notice = b.text("p.notice").await;
        assert!(notice.contains("导入完成"), "{notice}");
        assert!(notice.contains("导入 2 名学生"), "{notice}");
        assert!(b.find_all("table#import-errors").await.is_empty());
        b.follow_link("返回学生名单").await;
        assert_eq!(b.path().await, "/students");
        for (name, id, grade, class) in [
            ("宋知远", &id1, "五年级", "3班"),
            ("许若溪", &id2, "三年级", "1班"),
        ] {
            let rows = search_students(&b, name).await;
            let r = rows
                .iter()
                .find(|r| &r[1] == id)
                .unwrap_or_else(|| panic!("{name} is not listed: {rows:?}"));
            assert_eq!(r[0], name);
            assert_eq!(r[4], own);
            assert_eq!(r[5], grade);
            assert_eq!(r[6], class);
            assert_eq!(r[7], "在读");
        }

        // A file with a wrong check digit in its second row: nothing is
        // imported, and the page says where and why.
        let id3 = unused_id(&b.app, "330503201602100", 31).await;
        let id4 = unused_id(&b.app, "330503201602110", 41).await;
        let bad = write_csv(
            files.path(),
            "pupils-bad.csv",
            &[
                header,
                &["韩一诺", &id3, &code, "四年级", "2班"],
                &["韩二诺", &with_wrong_check(&id4), &code, "四年级", "2班"],
            ],
        );
        b.goto("/students/import").await;
        b.attach("file", &bad).await;
        b.press("上传并导入").await;
        b.wait_for_text(&["导入完成", "未导入任何数据"]).await;
        let alert = b.text("p.alert").await;
        assert!(alert.contains("未导入任何数据"), "{alert}");
        let errors = b.rows("import-errors").await;
        assert!(
            errors
                .iter()
                .any(|e| e[0] == "3" && e[1] == "身份证件号" && e[2].contains("校验")),
            "row 3, 身份证件号, the check digit: {errors:?}"
        );
        assert!(
            errors.iter().all(|e| e[0] == "3"),
            "only the bad row has errors: {errors:?}"
        );
        let report = b
            .find_by(
                fantoccini::Locator::LinkText("下载错误报告（Excel）"),
                "the error report link",
            )
            .await;
        let href = report.attr("href").await.expect("href").expect("an href");
        let (status, kind) = b.fetch(&href).await;
        assert_eq!(status, 200, "the error report downloads");
        assert!(kind.contains("spreadsheetml"), "an Excel file: {kind}");
        let rows = search_students(&b, "韩一诺").await;
        assert!(
            rows.iter().all(|r| r[1] != id3),
            "the good row of the bad file was not imported: {rows:?}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_is_requested_and_confirmed_by_the_receiving_school() {
    with_browser(|b| async move {
        let from = school_name(&b.app, "school001").await;
        let to = school_name(&b.app, "school014").await;
        let to_code = code_of(&b.app, "school014").await;
        assert_ne!(from, to);

        b.login("school001").await;
        b.goto("/students").await;
        let (row, href) = first_active_pupil(&b).await;
        let (name, id) = (row[0].clone(), row[1].clone());
        b.goto(&href).await;
        b.fill("to_code", &to_code).await;
        b.fill("reason", "随父母迁居").await;
        b.press("申请转出").await;
        b.expect_status(200, "the transfer request").await;
        assert_eq!(b.path().await, href);
        assert_eq!(b.text("p.notice").await, "已提交转学申请，待转入学校确认。");
        let current = b.fact("当前学籍").await;
        assert!(current.contains("转学中"), "{current}");

        // The receiving school confirms.
        b.logout().await;
        b.login("school014").await;
        b.goto("/students").await;
        b.follow_link("转学申请").await;
        assert_eq!(b.path().await, "/students/transfers");
        let rows = b.rows("transfers").await;
        let pending = rows
            .iter()
            .find(|r| r[0] == name && r[5] == "待确认")
            .unwrap_or_else(|| panic!("no pending transfer of {name}: {rows:?}"));
        assert_eq!(pending[1], from);
        assert_eq!(pending[2], to);
        assert_eq!(pending[4], "随父母迁居");
        assert_eq!(pending[6], "school001", "who asked");
        b.press_in_row("transfers", &name, "确认转入").await;
        b.expect_status(200, "the confirmation").await;
        assert_eq!(b.text("p.notice").await, "已处理转学申请。");
        let rows = b.rows("transfers").await;
        assert!(
            rows.iter().any(|r| r[0] == name && r[5] == "已转入"),
            "the transfer is done: {rows:?}"
        );

        // The pupil is on the receiving school's list …
        let rows = search_students(&b, &id).await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][0], name);
        assert_eq!(rows[0][4], to);
        assert_eq!(rows[0][7], "在读");
        b.goto(&href).await;
        b.expect_status(200, "the new school opens the pupil").await;
        assert!(b.fact("当前学籍").await.contains(&to));

        // … and the old school no longer sees them.
        b.logout().await;
        b.login("school001").await;
        b.goto(&href).await;
        b.expect_status(404, "the old school opens the pupil").await;
        assert_eq!(b.text("p.error").await, "未找到该记录，或您无权查看");
        assert!(b.find_all("dl.facts").await.is_empty());
        let body = b.body_text().await;
        assert!(!body.contains(&id), "{body}");
        assert!(search_students(&b, &id).await.is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_comparison_opens_a_case_and_a_home_visit_is_recorded() {
    with_browser(|b| async move {
        const CHILD: &str = "顾小川";
        const VISITOR: &str = "练市镇中心学校 王老师";
        const OUTCOME: &str = "家长外出务工，孩子随祖父母居住；已约定下周一送返学校。";
        let today = students::service::today().to_string();
        let year = students::service::school_year_of(students::service::today());
        // Nine on 31 August 2026: of primary school age, and in no school.
        let id = unused_id(&b.app, "330503201705100", 51).await;
        let files = tempfile::tempdir().expect("temp dir for the files");
        let register = write_csv(
            files.path(),
            "register.csv",
            &[
                &[
                    "身份证件号",
                    "姓名",
                    "性别",
                    "出生日期",
                    "所在乡镇（街道）",
                    "家庭住址",
                    "监护人",
                    "监护人电话",
                ],
                &[
                    &id,
                    CHILD,
                    "",
                    "",
                    "练市镇",
                    "练市镇东村12号",
                    "顾建国",
                    "13900001234",
                ],
            ],
        );

        b.login("admin").await;
        b.goto("/dropout").await;
        assert_eq!(b.path().await, "/dropout");

        // The household register gets the child.
        b.follow_link("导入户籍名册").await;
        assert_eq!(b.path().await, "/dropout/children/import");
        b.attach("file", &register).await;
        b.press("上传并导入").await;
        b.expect_status(200, "the register import").await;
        let notice = b.text("p.notice").await;
        assert!(notice.contains("新增 1 名儿童"), "{notice}");
        b.follow_link("返回控辍保学").await;
        assert_eq!(b.path().await, "/dropout");

        // The comparison.
        assert_eq!(
            b.value("input[name='school_year']").await,
            year.to_string(),
            "this school year is proposed"
        );
        b.press("户籍比对").await;
        b.expect_status(200, "the comparison").await;
        assert_eq!(b.path().await, "/dropout");
        let notice = b.text("p.notice").await;
        let prefix = format!("{year}—{} 学年户籍比对完成：新立案 ", year + 1);
        let opened: u64 = notice
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(" 件。"))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected notice {notice:?}"));
        assert!(opened >= 1, "at least the new child: {notice}");

        // The case of the child.
        b.fill("q", &id).await;
        b.press("查询").await;
        let rows = b.rows("cases").await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][0], CHILD);
        assert_eq!(rows[0][2], "练市镇");
        assert_eq!(rows[0][6], "劝返中");
        assert_eq!(rows[0][7], today, "opened today");
        assert_eq!(rows[0][8], "0", "no visits yet");
        b.follow_link(CHILD).await;
        assert!(b.path().await.starts_with("/dropout/cases/"));
        b.expect_status(200, "the case page").await;
        let case = b.path().await;
        assert_eq!(b.fact("姓名").await, CHILD);
        assert_eq!(b.fact("状态").await, "劝返中");
        assert_eq!(b.fact("当前学籍").await, "无在读学籍");
        assert!(b.rows("visits").await.is_empty());

        // A home visit.
        assert_eq!(b.value("#visit-date").await, today, "today is proposed");
        b.fill("visitor", VISITOR).await;
        let outcome = b.find("#visit-outcome").await;
        outcome.send_keys(OUTCOME).await.expect("type the outcome");
        b.press("登记家访").await;
        b.expect_status(200, "the home visit").await;
        assert_eq!(b.path().await, case);
        assert_eq!(b.text("p.notice").await, "已登记家访。");
        assert_eq!(
            b.rows("visits").await,
            vec![vec![
                today.clone(),
                VISITOR.to_string(),
                OUTCOME.to_string()
            ]]
        );
        b.follow_link("返回案件列表").await;
        b.fill("q", &id).await;
        b.press("查询").await;
        let rows = b.rows("cases").await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][8], "1", "one visit");
        assert_eq!(rows[0][9], today, "the last visit");

        // The rates by township.
        b.goto("/dropout/rates").await;
        b.expect_status(200, "the rates page").await;
        assert_eq!(b.text("main h1").await, "入学率与巩固率");
        let tables = b.find_all("main table").await;
        assert!(!tables.is_empty(), "rate tables");
        for stage in tables {
            let id = stage.attr("id").await.expect("id").unwrap_or_default();
            assert!(id.starts_with("rates-"), "{id}");
            assert!(!b.rows(&id).await.is_empty(), "{id} has rows");
        }
        b.screenshot("dropout-rates.png", None).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_header_leads_to_student_records_and_dropout_control() {
    with_browser(|b| async move {
        for user in ["school001", "jijiao", "admin"] {
            b.login(user).await;
            let nav = b.text("header.top nav").await;
            for item in ["学籍", "控辍保学"] {
                assert!(
                    nav.contains(item),
                    "{user} has no {item} in the navigation bar: {nav:?}"
                );
            }
            b.follow_link("学籍").await;
            assert_eq!(b.path().await, "/students", "{user}");
            b.follow_link("控辍保学").await;
            assert_eq!(b.path().await, "/dropout", "{user}");
            b.logout().await;
        }
    })
    .await;
}
