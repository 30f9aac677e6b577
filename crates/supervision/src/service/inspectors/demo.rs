//! Demo responsible inspectors and visits: every supervised institution
//! has a responsible inspector (the demo's 督学 account for the first
//! group, external inspectors for the others, each with about six
//! institutions; some with a predecessor), and visits every three to six
//! weeks over the last five months. A quarter of the institutions have not
//! been visited this month; some findings became rectification orders,
//! issued on the day of the visit with a month to fix them (so the older
//! ones are overdue).

use chrono::{Datelike, Duration, NaiveDate};
use inspection::domain::{Owner, Source};
use inspection::service::orders::{issue_in, NewOrder};
use platform::area::DemoSize;
use platform::auth::Caller;
use platform::db::{Db, Sql, Tx};
use platform::vocab::SchoolYear;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::inspectors::Focus;
use crate::store::inspectors::visits::{self as visits, NewVisit};
use crate::store::inspectors::{self as store, NewAssignment, SUPERVISED};

/// Institutions per responsible inspector.
const PER_INSPECTOR: usize = 6;
/// How far back the demo's visits go.
const HISTORY_DAYS: i64 = 150;

const SURNAMES: [&str; 16] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "吴", "徐", "孙", "朱", "胡", "沈", "钱", "姚", "潘",
];
const GIVEN: [&str; 12] = [
    "建华", "丽娟", "国平", "秀英", "志刚", "海燕", "卫东", "晓红", "春林", "慧芳", "永明", "雪梅",
];

/// A finding of a visit by focus, and the suggestion that goes with it.
const FINDINGS: [(Focus, &str, &str); 8] = [
    (
        Focus::Safety,
        "消防通道堆放杂物，部分灭火器过期未更换",
        "立即清理通道，更换过期灭火器并建立月检制度",
    ),
    (
        Focus::Canteen,
        "食堂留样记录不全，个别从业人员健康证过期",
        "完善留样台账，督促从业人员及时体检换证",
    ),
    (
        Focus::Workload,
        "部分班级书面作业时间超过规定",
        "落实作业公示制度，控制书面作业总量",
    ),
    (
        Focus::Curriculum,
        "体育、艺术课程有被挤占现象",
        "严格执行课程计划，开齐开足国家课程",
    ),
    (
        Focus::Management,
        "校务公开栏内容未及时更新",
        "按学期更新校务公开内容，接受家长监督",
    ),
    (
        Focus::Teachers,
        "个别教师存在有偿补课苗头",
        "开展师德专题教育，签订师德承诺书",
    ),
    (
        Focus::Admission,
        "招生简章未在学校网站公示",
        "按规定公示招生范围、计划和程序",
    ),
    (
        Focus::Ethos,
        "课间学生追逐打闹，管理不到位",
        "加强课间巡查，开展文明礼仪教育",
    ),
];

fn inspector_name(group: usize) -> String {
    format!(
        "{}{}",
        SURNAMES[group % SURNAMES.len()],
        GIVEN[(group * 7 + group / SURNAMES.len()) % GIVEN.len()]
    )
}

fn phone(group: usize) -> String {
    format!("139{:08}", 57_200_000 + group * 37)
}

/// Writes the demo's assignments, visits and orders; returns how many.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let today = platform::time::today();
    let ids: Vec<(i64,)> = db
        .fetch_all(Sql::new(format!(
            "SELECT i.id FROM institutions i WHERE {SUPERVISED} ORDER BY i.id"
        )))
        .await?;
    let accounts = store::inspector_accounts(db).await?;
    let year_start = SchoolYear::of(today)
        .first_day()
        .unwrap_or(today)
        .with_year(today.year() - 1)
        .unwrap_or(today);
    let mut rng = ChaCha8Rng::seed_from_u64(0x0830_0014);
    let caller = Caller::system("demo");
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (group, chunk) in ids.chunks(PER_INSPECTOR).enumerate() {
        let (account_id, name, tel) = match accounts.get(group) {
            Some((id, name)) => (Some(*id), name.clone(), String::new()),
            None => (None, inspector_name(group), phone(group)),
        };
        for (n, (institution,)) in chunk.iter().enumerate() {
            if group % 5 == 4 {
                let earlier = inspector_name(group + 40);
                let starts_on = year_start - Duration::days(730);
                let old = assignment(*institution, None, &earlier, &tel, starts_on);
                let id = store::insert(&mut tx, &old).await?;
                store::end(&mut tx, id, year_start - Duration::days(1)).await?;
                made += 1;
            }
            let current = assignment(*institution, account_id, &name, &tel, year_start);
            store::insert(&mut tx, &current).await?;
            made += 1;
            let skip_month = (group * PER_INSPECTOR + n) % 4 == 1;
            let who = (account_id, name.as_str());
            made += visit_history(
                &mut tx,
                &caller,
                &mut rng,
                *institution,
                who,
                skip_month,
                today,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(made)
}

fn assignment<'a>(
    institution_id: i64,
    account_id: Option<i64>,
    inspector_name: &'a str,
    phone: &'a str,
    starts_on: NaiveDate,
) -> NewAssignment<'a> {
    NewAssignment {
        institution_id,
        account_id,
        inspector_name,
        phone,
        starts_on,
        created_by: None,
    }
}

/// One institution's visits over the last months, newest first; returns
/// how many records (visits and orders) were made.
async fn visit_history(
    tx: &mut Tx,
    caller: &Caller,
    rng: &mut ChaCha8Rng,
    institution_id: i64,
    (account_id, name): (Option<i64>, &str),
    skip_month: bool,
    today: NaiveDate,
) -> anyhow::Result<u64> {
    let into_month = i64::from(today.day());
    let mut ago = if skip_month {
        into_month + rng.gen_range(0..20)
    } else {
        rng.gen_range(0..into_month)
    };
    let mut made = 0;
    while ago <= HISTORY_DAYS {
        let visited_on = today - Duration::days(ago);
        let (focus, finding, suggestion) = FINDINGS[rng.gen_range(0..FINDINGS.len())];
        let found = rng.gen_bool(0.3);
        let row = NewVisit {
            institution_id,
            account_id,
            inspector_name: name,
            visited_on,
            focus,
            findings: if found { finding } else { "" },
            suggestions: if found {
                suggestion
            } else {
                "各项工作规范有序，继续保持"
            },
            created_by: None,
        };
        let id = visits::insert(tx, &row).await?;
        made += 1;
        if found && ago <= 90 && rng.gen_bool(0.4) {
            let order = NewOrder {
                owner: Owner::Supervision,
                institution_id,
                campaign_id: None,
                source: Source::Visit,
                source_id: Some(id.0),
                finding: finding.into(),
                requirement: suggestion.into(),
                responsible_person: "校长".into(),
                deadline: visited_on + Duration::days(30),
            };
            let order_id = issue_in(tx, caller, &order, visited_on).await?;
            visits::set_order(tx, id, order_id).await?;
            made += 1;
        }
        ago += rng.gen_range(21..42);
    }
    Ok(made)
}
