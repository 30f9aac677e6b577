//! Demo notices: the 办公室's notices of the last two months to all
//! institutions, to a category, to a township and to a few chosen ones,
//! most read (about seven in ten receipts, older notices more), so that the
//! unread lists and the inbox have something; and, at a few schools,
//! notices to the parents of the school and of a class with its link.

use chrono::Duration;
use platform::area::DemoSize;
use platform::db::{Db, Sql};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::notices::{class_code, Audience, ParentAudience};
use crate::store::notices::{self as store, NewNotice, Sender};

const BUREAU: &[(&str, &str)] = &[
    (
        "关于做好冬季校园安全工作的通知",
        "请各单位落实冬季防火、防滑、防一氧化碳中毒等安全措施，并于月底前完成自查。",
    ),
    (
        "关于报送本学期教学工作总结的通知",
        "请各校于本月二十五日前报送本学期教学工作总结（不超过三千字）。",
    ),
    (
        "关于开展学生近视防控宣传月活动的通知",
        "请各校结合实际开展近视防控宣传活动，做好活动记录。",
    ),
    (
        "关于寒假放假安排的通知",
        "寒假放假时间及假期安全教育要求见附件，请各校及时告知家长。",
    ),
    (
        "关于组织教师参加信息技术应用能力培训的通知",
        "请各校按名额组织教师报名，名单于下周五前报办公室。",
    ),
    (
        "关于做好校园食品安全检查的通知",
        "请各校对食堂及校外供餐单位开展一次全面检查。",
    ),
    (
        "关于规范学校收费行为的通知",
        "请各校严格执行收费公示制度，公示内容应与核准标准一致。",
    ),
    (
        "关于召开全区中小学校长会议的通知",
        "定于下周三上午九时在教育局三楼会议室召开，请校长准时参加。",
    ),
];

const PARENTS: &[(&str, &str)] = &[
    (
        "致全校家长的一封信：寒假安全提醒",
        "寒假期间请家长做好孩子的安全监护，注意防溺水、防火、交通安全。",
    ),
    (
        "关于召开班级家长会的通知",
        "定于本周五下午四时在本班教室召开家长会，请家长准时参加。",
    ),
];

async fn send_as_demo(
    db: &Db,
    new: &NewNotice<'_>,
    audience: Option<&Audience>,
    recipients: i64,
    days_ago: i64,
) -> anyhow::Result<i64> {
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, new).await?;
    let sent = match audience {
        Some(a) => {
            let types = store::school_types_in_use(&mut tx).await?;
            store::fan_out(&mut tx, id, a, &a.school_types(&types).unwrap_or_default()).await?
        }
        None => {
            store::set_recipients(&mut tx, id, recipients).await?;
            recipients
        }
    };
    let at = platform::time::now() - Duration::days(days_ago);
    tx.execute(
        Sql::new("UPDATE public_notices SET sent_at = ")
            .bind(at)
            .push(" WHERE id = ")
            .bind(id),
    )
    .await?;
    tx.commit().await?;
    Ok(sent)
}

/// Writes the demo notices; returns how many receipts were written.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(0x1101_0001);
    let office = db
        .fetch_optional::<Id>(Sql::new(
            "SELECT id FROM users WHERE username = 'bangongshi'",
        ))
        .await?
        .map(|u| u.id);
    let townships: Vec<Id> = db
        .fetch_all(Sql::new(
            "SELECT DISTINCT township_id AS id FROM institutions WHERE status = 'active' ORDER BY township_id",
        ))
        .await?;
    let institutions: Vec<Id> = db
        .fetch_all(Sql::new(
            "SELECT id FROM institutions WHERE status = 'active' ORDER BY id LIMIT 5",
        ))
        .await?;
    let mut made = 0u64;
    for (k, (title, body)) in BUREAU.iter().enumerate() {
        let audience = match k % 4 {
            0 => Audience::All,
            1 => Audience::Category(institutions::domain::Category::Primary),
            2 => match townships.get(k / 4) {
                Some(t) => Audience::Township(t.id),
                None => Audience::All,
            },
            _ if !institutions.is_empty() => {
                Audience::Chosen(institutions.iter().map(|i| i.id).collect())
            }
            _ => Audience::All,
        };
        let label = match &audience {
            Audience::All => "全部机构".to_string(),
            Audience::Category(c) => format!("全部{}", c.label()),
            Audience::Township(_) => "乡镇（街道）全部机构".into(),
            Audience::Chosen(ids) => format!("指定机构 {} 所", ids.len()),
        };
        let days_ago = 60 - (k as i64) * 7 - rng.gen_range(0..3);
        let value = audience.value();
        let new = NewNotice {
            title,
            body,
            sender: Sender::Section("office"),
            audience: audience.key(),
            audience_value: &value,
            audience_label: &label,
            by: office,
        };
        made += send_as_demo(db, &new, Some(&audience), 0, days_ago).await? as u64;
    }
    // Older notices are mostly read; the newest ones by few.
    db.execute(
        Sql::new(
            "UPDATE public_notice_receipts SET read_at = (SELECT n.sent_at FROM public_notices n \
             WHERE n.id = public_notice_receipts.notice_id), read_by = (SELECT MIN(u.id) FROM users u \
             WHERE u.institution_id = public_notice_receipts.institution_id) \
             WHERE (institution_id * 7 + notice_id * 3) % 10 < 9 - (notice_id - 1) % 8",
        ),
    )
    .await?;
    made += parents_demo(db).await?;
    Ok(made)
}

#[derive(sqlx::FromRow)]
struct Id {
    id: i64,
}

/// A notice to the whole school and one to a class with its link, at the
/// first three schools with pupils.
async fn parents_demo(db: &Db) -> anyhow::Result<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(0x1101_0002);
    let schools: Vec<Id> = db
        .fetch_all(Sql::new(
            "SELECT DISTINCT institution_id AS id FROM students_enrolments WHERE status <> 'left' \
             ORDER BY institution_id LIMIT 3",
        ))
        .await?;
    let mut made = 0;
    for school in schools {
        let Some(class) = store::classes(db, school.id).await?.into_iter().next() else {
            continue;
        };
        let class_audience = ParentAudience::Class {
            grade: class.grade,
            class_name: class.class_name.clone(),
        };
        let mut tx = db.begin().await?;
        store::insert_link(
            &mut tx,
            &class_code(&mut rng),
            school.id,
            class.grade,
            &class.class_name,
        )
        .await?;
        tx.commit().await?;
        for (audience, (title, body)) in
            [ParentAudience::School, class_audience].iter().zip(PARENTS)
        {
            let pupils = store::pupils_covered(db, school.id, audience).await?;
            let (label, value) = (audience.label(), audience.value());
            let new = NewNotice {
                title,
                body,
                sender: Sender::Institution(school.id),
                audience: audience.key(),
                audience_value: &value,
                audience_label: &label,
                by: None,
            };
            send_as_demo(db, &new, None, pupils, 3).await?;
            made += 1;
        }
    }
    Ok(made)
}
