//! Demo petitions: a year of letters, visits and calls across the topics,
//! most answered (on time or late), some rated, some published, and some
//! still open, a few of them overdue, so that the lists, the statistics,
//! the indicators and the inbox all have something to show.

use chrono::{Datelike, Duration, NaiveDate};
use platform::area::DemoSize;
use platform::auth::Section;
use platform::db::{Arg, Db, Sql};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::digest;
use crate::domain::petitions::{
    after, redact, ref_no, Channel, Limits, Satisfaction, Status, Topic,
};

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
];
const GIVEN: &[&str] = &[
    "建国", "秀英", "伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "军", "丽",
];
const LEADERS: &[&str] = &["局长", "副局长（分管基础教育）", "副局长（分管安全）"];

/// (topic, section handling it, subject, letter, reply).
const SAMPLES: &[(Topic, Section, &str, &str, &str)] = &[
    (
        Topic::Admission,
        Section::BasicEducation,
        "孩子入学划片咨询",
        "我家住在新城小区，想了解孩子明年上小学划在哪所学校。",
        "经核实，新城小区属实验小学学区，请于报名期间持户口簿、房产证网上报名。",
    ),
    (
        Topic::Records,
        Section::BasicEducation,
        "转学手续办理慢",
        "孩子从外省转入，学校说学籍系统还没转过来，已经等了一个月。",
        "已督促转出地学校办理学籍转出，学籍已于本周转入，学校将通知家长。",
    ),
    (
        Topic::Fees,
        Section::Finance,
        "学校收取资料费是否合规",
        "学校要求每名学生交 200 元资料费，请问是否合规？",
        "经调查，该校代收资料费未履行公示程序，已责令退还并在校内公示收费项目。",
    ),
    (
        Topic::Ethics,
        Section::Personnel,
        "反映教师有偿补课",
        "有老师在校外开班给本班学生补课并收费。",
        "经调查核实，已对相关教师进行批评教育并责令停止有偿补课，学校已开展师德专项整治。",
    ),
    (
        Topic::Safety,
        Section::Safety,
        "校门口交通拥堵",
        "放学时校门口车辆乱停，孩子过马路很危险。",
        "已会同交警部门在校门口增设护学岗和临时停车区，高峰时段安排专人疏导。",
    ),
    (
        Topic::Aid,
        Section::AidCentre,
        "家庭困难学生资助申请",
        "家里今年遭遇变故，想了解孩子能否申请助学金。",
        "符合条件的学生可向学校提出家庭经济困难认定申请，学校资助专干将上门核实并指导办理。",
    ),
    (
        Topic::Other,
        Section::Office,
        "建议增加课后服务内容",
        "希望学校课后服务多开设一些体育和艺术类课程。",
        "感谢您的建议，已转各学校参考，下学期将增加体育、艺术类课后服务项目。",
    ),
];

/// How many cases the demo district receives in a year.
fn cases(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 240,
        DemoSize::City => 1_200,
        DemoSize::Province => 6_000,
    }
}

/// Writes a year of demo petitions; returns how many.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(0x1130_0018);
    let today = platform::time::today();
    let limits = Limits::default();
    let office: Option<i64> = db
        .fetch_optional::<(i64,)>(Sql::new(
            "SELECT id FROM users WHERE username = 'bangongshi'",
        ))
        .await?
        .map(|(id,)| id);
    let n = cases(size);
    let mut numbers: Vec<(i32, i64)> = Vec::new();
    let mut tx = db.begin().await?;
    for k in 0..n {
        let age = (n - 1 - k) as i64 * 365 / n as i64;
        let received_on = today - Duration::days(age);
        let (topic, section, subject, letter, reply) = SAMPLES[rng.gen_range(0..SAMPLES.len())];
        let channel = match k % 10 {
            0 | 1 => Channel::Letter,
            2 => Channel::Visit,
            3 | 4 => Channel::Call,
            5 => Channel::Reception,
            _ => Channel::Online,
        };
        let year = received_on.year();
        let number = match numbers.iter_mut().find(|(y, _)| *y == year) {
            Some((_, last)) => {
                *last += 1;
                *last
            }
            None => {
                numbers.push((year, 1));
                1
            }
        };
        let name = format!(
            "{}{}",
            SURNAMES[rng.gen_range(0..SURNAMES.len())],
            GIVEN[rng.gen_range(0..GIVEN.len())]
        );
        let phone = format!("13{}", rng.gen_range(100_000_000u64..999_999_999));
        let accept_by = after(received_on, limits.accept);
        let accepted_on = after(received_on, rng.gen_range(1..=10));
        let reply_by = after(accepted_on, limits.reply);
        // Older cases are answered (one in eight late); the last weeks'
        // are at every stage; one in twenty-five older ones is overdue.
        let status = if age < 10 {
            [Status::Registered, Status::Accepted, Status::Drafted][k % 3]
        } else if age < 60 {
            [
                Status::Accepted,
                Status::Drafted,
                Status::Replied,
                Status::Rated,
            ][k % 4]
        } else if k % 25 == 0 {
            Status::Accepted
        } else if k % 17 == 0 {
            Status::Rejected
        } else if k % 3 == 0 {
            Status::Replied
        } else {
            Status::Rated
        };
        let answered = matches!(status, Status::Replied | Status::Rated);
        let replied_on = answered.then(|| {
            let late = k % 8 == 0;
            let day = if late {
                after(reply_by, rng.gen_range(1..=20))
            } else {
                after(accepted_on, rng.gen_range(5..=50))
            };
            day.min(today)
        });
        let assigned = !matches!(status, Status::Registered | Status::Rejected);
        let satisfaction = (status == Status::Rated).then(|| match rng.gen_range(0..10) {
            0..=5 => Satisfaction::Satisfied,
            6..=8 => Satisfaction::Basic,
            _ => Satisfaction::Unsatisfied,
        });
        let published = answered && k % 10 == 1;
        let terms = [name.as_str(), phone.as_str()];
        let q = Sql::new(
            "INSERT INTO public_petitions (ref_no, channel, received_by, name, phone, topic, subject, \
             content, status, received_on, accept_by, section, reply_by, reject_reason, reply_text, \
             reply_approver, replied_on, satisfaction, public_subject, public_text, published_at, \
             query_hash, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, \
             $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24)",
        )
        .arg(ref_no(year, number))
        .arg(channel)
        .arg(if channel == Channel::Reception { LEADERS[k % LEADERS.len()] } else { "" })
        .arg(name.as_str())
        .arg(phone.as_str())
        .arg(topic)
        .arg(subject)
        .arg(format!("{name}（电话 {phone}）反映：{letter}"))
        .arg(status)
        .arg(received_on)
        .arg(accept_by)
        .arg(Arg::Text(assigned.then(|| section.key().to_string())))
        .arg(Arg::Date(assigned.then_some(reply_by)))
        .arg(if status == Status::Rejected { "不属于教育行政部门职责范围，已告知向有关部门反映" } else { "" })
        .arg(if answered || status == Status::Drafted { reply } else { "" })
        .arg(Arg::Int(if answered { office } else { None }))
        .arg(Arg::Date(replied_on))
        .arg(Arg::Text(satisfaction.map(|s| s.as_str().to_string())))
        .arg(if published { subject } else { "" })
        .arg(if published { redact(&format!("来信：{letter}\n答复：{reply}"), &terms) } else { String::new() })
        .arg(Arg::Time(published.then(|| at(replied_on.unwrap_or(today)))))
        .arg(digest(&format!("demo-{k}-{}", rng.gen::<u64>())))
        .arg(Arg::Int(if channel == Channel::Online { None } else { office }))
        .arg(at(received_on));
        tx.execute(q).await?;
    }
    for (year, last) in numbers {
        tx.execute(
            Sql::new("INSERT INTO public_petition_numbers (year, last) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last = excluded.last")
                .arg(i64::from(year))
                .arg(last),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(n as u64)
}

/// Nine in the morning of `day`, as a time of the audit and the lists.
fn at(day: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    day.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc()
}
