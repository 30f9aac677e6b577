//! A small county built from records for the aid tests: one urban (城区)
//! township and one rural one, three schools, staff accounts, and the
//! students the seed figures count, loaded with students::store::bulk.

use chrono::NaiveDate;
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::db::Sql;
use platform::district::{self, District};
use platform::vocab::Grade;
use platform::InstitutionId;
use students::domain::student::NewStudent;
use students::store::bulk::{self, BulkRow};

use crate::common::{spawn_app_with, Backend, TestApp};

#[allow(dead_code)]
pub struct County {
    pub app: TestApp,
    pub urban_junior: i64,
    pub urban_primary: i64,
    pub rural: i64,
    /// Id of the first student of each group, in load order.
    pub first_student: i64,
}

fn id_number(seq: u32) -> String {
    // County 330502, born 2014-01-01 + day offset, sequence per day.
    let day =
        NaiveDate::from_ymd_opt(2012, 1, 1).unwrap() + chrono::Duration::days((seq / 900) as i64);
    let body = format!("330502{}{:03}", day.format("%Y%m%d"), seq % 900 + 1);
    format!(
        "{body}{}",
        platform::vocab::identity::check_char(&body).expect("17 digits")
    )
}

pub fn student(seq: u32, boarding: bool, dibao: bool) -> NewStudent {
    NewStudent {
        id_type: "居民身份证".into(),
        id_number: id_number(seq),
        name: format!("学生{seq}"),
        sex: if seq.is_multiple_of(2) {
            "2".into()
        } else {
            "1".into()
        },
        birth_date: NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(),
        ethnicity: "01".into(),
        hukou_type: String::new(),
        hukou_division: "330502".into(),
        health: String::new(),
        left_behind: 0,
        migrant_child: false,
        orphan: false,
        disability: String::new(),
        inclusive_class: false,
        boarding,
        dibao,
        registered_poor: false,
        address: String::new(),
        phone: String::new(),
        guardian_name: String::new(),
        guardian_relation: String::new(),
        guardian_phone: String::new(),
        extra_json: None,
    }
}

async fn institution(
    tx: &mut platform::db::Tx,
    name: &str,
    school_type: &str,
    township: i64,
) -> i64 {
    tx.scalar(
        Sql::new("INSERT INTO institutions (name, school_type, ownership, licence, status, township_id, created_at, updated_at) VALUES ($1, $2, 'public', 'licensed', 'active', $3, $4, $4) RETURNING id")
            .arg(name)
            .arg(school_type)
            .arg(township)
            .arg(chrono::Utc::now()),
    )
    .await
    .expect("institution")
}

/// Urban: 2,471 junior + 4,397 primary; rural: 395 junior + 1,835 primary,
/// of whom the first 10 rural juniors board and 4 of them are 低保.
pub async fn build(b: Backend) -> County {
    let app = spawn_app_with(b, false).await;
    let db = &app.db;
    let mut tx = db.begin().await.expect("tx");
    district::create_district(
        &mut tx,
        &District {
            division_code: "330502".into(),
            name: "测试县".into(),
            bureau_name: "测试县教育局".into(),
        },
    )
    .await
    .expect("district");
    let urban = district::create_township(&mut tx, "330502001", "城关街道", "street", "urban")
        .await
        .expect("t")
        .0;
    let rural = district::create_township(&mut tx, "330502201", "山前乡", "township", "rural")
        .await
        .expect("t")
        .0;
    let uj = institution(&mut tx, "城关初级中学", "311", urban).await;
    let up = institution(&mut tx, "城关小学", "211", urban).await;
    let ru = institution(&mut tx, "山前九年一贯制学校", "312", rural).await;
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let accounts: [(&str, Role, Option<i64>); 7] = [
        ("admin", Role::Leadership, None),
        ("zizhu", Role::Section(Section::AidCentre), None),
        ("jicai", Role::Section(Section::Finance), None),
        ("jijiao", Role::Section(Section::BasicEducation), None),
        ("xueqian", Role::Section(Section::Preschool), None),
        ("school_urban", Role::Institution, Some(uj)),
        ("school_rural", Role::Institution, Some(ru)),
    ];
    for (name, role, inst) in accounts {
        users::create(
            &mut tx,
            NewUser {
                username: name,
                display_name: name,
                password_hash: &hash,
                role,
                institution: inst.map(InstitutionId),
                must_change_password: false,
            },
        )
        .await
        .expect("user");
    }
    let entered = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    let mut rows = Vec::new();
    let mut seq = 0u32;
    let mut add = |n: usize,
                   inst: i64,
                   grade: i64,
                   rows: &mut Vec<BulkRow>,
                   flags: &dyn Fn(usize) -> (bool, bool)| {
        for k in 0..n {
            seq += 1;
            let (boarding, dibao) = flags(k);
            rows.push(BulkRow {
                student: student(seq, boarding, dibao),
                institution: InstitutionId(inst),
                grade: Grade(grade),
                class_name: "1班".into(),
                entered_on: entered,
            });
        }
    };
    let none = |_: usize| (false, false);
    add(2471, uj, 8, &mut rows, &none);
    add(4397, up, 3, &mut rows, &none);
    add(395, ru, 8, &mut rows, &|k| (k < 10, k < 4));
    add(1835, ru, 3, &mut rows, &none);
    let first = bulk::load(&mut tx, 2025, &rows)
        .await
        .expect("load students");
    tx.commit().await.expect("commit");
    County {
        app,
        urban_junior: uj,
        urban_primary: up,
        rural: ru,
        first_student: first,
    }
}
