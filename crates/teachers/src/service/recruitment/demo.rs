//! The demo's 公开招聘: last year's plan, whose hires (87 in a county, as
//! the seeds report) are on staff since 1 August of that year.

use chrono::{Datelike, Duration, NaiveDate};
use platform::area::DemoSize;
use platform::auth::{Caller, Scope};
use platform::db::{Db, Sql};
use platform::vocab::identity::check_char;
use platform::vocab::Stage;

use super::{add_applicant, add_post, create_plan, hire, rank, HireRequest};
use crate::domain::recruitment::{ApplicantInput, PlanInput, PostInput, Score};
use crate::store::recruitment as store;

/// New teachers recruited in the demo district's last plan.
pub fn demo_hires(size: DemoSize) -> usize {
    match size {
        DemoSize::Small | DemoSize::City => 87,
        DemoSize::Province => 87 * 8,
    }
}

/// The stage a post at a school of this 办学类型 is for.
fn stage_of(school_type: &str) -> Option<Stage> {
    let t = school_type.trim();
    [
        ("111", Stage::Preschool),
        ("21", Stage::Primary),
        ("31", Stage::Junior),
        ("34", Stage::Senior),
    ]
    .into_iter()
    .find(|(prefix, _)| t.starts_with(prefix))
    .map(|(_, s)| s)
}

const SUBJECTS: [&str; 6] = ["语文", "数学", "英语", "科学", "体育", "音乐"];

fn certificate(stage: Stage) -> &'static str {
    match stage {
        Stage::Preschool => "幼儿园教师资格",
        Stage::Primary => "小学教师资格",
        Stage::Junior => "初级中学教师资格",
        Stage::Senior | Stage::Vocational => "高级中学教师资格",
    }
}

/// A valid national ID of an applicant from 长兴县, distinct for each `i`
/// below 219,000.
fn applicant_id(i: usize) -> String {
    let base = NaiveDate::from_ymd_opt(1996, 1, 1).unwrap_or_default();
    let birth = base + Duration::days(((i * 37) % 2190) as i64);
    let body = format!("330522{}{:03}", birth.format("%Y%m%d"), i % 1000);
    format!("{body}{}", check_char(&body).unwrap_or('0'))
}

/// A deterministic score between 60 and 99.
fn score(i: usize, salt: usize) -> String {
    let h = (i * 7919 + salt * 104_729) % 3_900;
    Score(6_000 + h as i64).to_string()
}

/// Writes last year's plan with its posts, applicants and scores, and
/// hires the top of each post; returns the number hired.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let caller = Caller::system("demo");
    let year = platform::time::today().year() - 1;
    let schools: Vec<(i64, String)> = db
        .fetch_all(Sql::new(
            // 公开招聘 fills posts of public institutions only.
            "SELECT id, school_type FROM institutions WHERE status = 'active' AND ownership = 'public' ORDER BY id",
        ))
        .await?;
    let schools: Vec<(i64, Stage)> = schools
        .into_iter()
        .filter_map(|(id, t)| Some((id, stage_of(&t)?)))
        .collect();
    anyhow::ensure!(!schools.is_empty(), "演示数据中没有可招聘教师的学校");
    let plan = PlanInput {
        year: year.to_string(),
        name: format!("{year}年公开招聘中小学幼儿园教师"),
        written_weight: "50".into(),
        interview_weight: "50".into(),
    };
    let plan = create_plan(db, &caller, &plan).await?;
    let (mut left, mut n, mut hired) = (demo_hires(size), 0usize, 0u64);
    for (k, (school, stage)) in schools.iter().cycle().enumerate() {
        if left == 0 {
            break;
        }
        let places = (1 + k % 3).min(left);
        left -= places;
        let post = PostInput {
            institution_id: school.to_string(),
            stage: stage.key().into(),
            subject: SUBJECTS[k % SUBJECTS.len()].into(),
            places: places.to_string(),
            requirements: "全日制本科及以上学历，具有相应教师资格证".into(),
        };
        let post = add_post(db, &caller, plan.id, &post).await?;
        for _ in 0..places * 3 {
            let a = ApplicantInput {
                name: format!("报考{:04}", n + 1),
                national_id: applicant_id(n),
                education: if n % 4 == 0 {
                    "硕士研究生"
                } else {
                    "本科"
                }
                .into(),
                certificate_type: certificate(*stage).into(),
                certificate_subject: post.subject.clone(),
            };
            let a = add_applicant(db, &caller, post.id, &a).await?;
            let mut tx = db.begin().await?;
            let (w, i) = (
                Score::parse(&score(n, 1)).ok(),
                Score::parse(&score(n, 2)).ok(),
            );
            store::set_scores(&mut tx, a.id, w, i).await?;
            tx.commit().await?;
            n += 1;
        }
        let ranked = rank(
            store::of_post(db, &Scope::All, post.id).await?,
            plan.weights(),
        );
        let ids: Vec<i64> = ranked
            .iter()
            .filter(|r| r.rank.is_some_and(|r| r <= places))
            .map(|r| r.applicant.id.0)
            .take(places)
            .collect();
        let on = NaiveDate::from_ymd_opt(year, 8, 1);
        hired += hire(
            db,
            &caller,
            post.id,
            &HireRequest {
                applicant_ids: ids,
                hired_on: on,
            },
        )
        .await?
        .len() as u64;
    }
    Ok(hired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_ids_are_valid_and_distinct() {
        let ids: Vec<String> = (0..3_000).map(applicant_id).collect();
        for id in &ids {
            assert!(platform::vocab::NationalId::parse(id).is_ok(), "{id}");
        }
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
    }

    #[test]
    fn schools_recruit_for_their_stage() {
        assert_eq!(stage_of("211"), Some(Stage::Primary));
        assert_eq!(stage_of("111"), Some(Stage::Preschool));
        assert_eq!(stage_of("311"), Some(Stage::Junior));
        assert_eq!(stage_of("342"), Some(Stage::Senior));
        assert_eq!(stage_of("365"), None);
        assert_eq!(demo_hires(DemoSize::Small), 87);
    }
}
