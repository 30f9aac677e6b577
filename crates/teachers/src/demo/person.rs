//! One demo member of staff: a plausible person for a stage and post,
//! with a valid national ID unique across the generated staff.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use platform::vocab::identity::check_char;
use platform::vocab::Stage;
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::data;
use crate::domain::{Establishment, TitleLevel, TitleSeries};

/// A staff record as the demo writes it (the columns of teachers_staff).
pub(super) struct Person {
    pub institution: i64,
    pub national_id: String,
    pub name: String,
    pub male: bool,
    pub birth: NaiveDate,
    pub ethnicity: &'static str,
    pub politics: &'static str,
    pub education: &'static str,
    pub degree: &'static str,
    /// YYYY-MM.
    pub work_start: String,
    pub teaching_start: String,
    pub post_category: &'static str,
    pub post_grade: Option<i64>,
    pub establishment: Establishment,
    pub full_time: bool,
    pub subjects: &'static str,
    pub stage: Option<Stage>,
    pub title_series: Option<TitleSeries>,
    pub title_level: TitleLevel,
    pub title_obtained_on: Option<NaiveDate>,
    pub certificate_type: &'static str,
    pub certificate_subject: &'static str,
    pub certificate_number: String,
    pub started: NaiveDate,
}

pub(super) struct Gen {
    pub rng: ChaCha8Rng,
    /// Which list of [`data::DIVISIONS`] the ID numbers come from.
    pub divisions: usize,
    pub year: i32,
    sequence: HashMap<(NaiveDate, bool), u32>,
    certificates: u64,
}

fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total.max(1));
    for (item, w) in items {
        if pick < *w {
            return *item;
        }
        pick -= w;
    }
    items[0].0
}

fn series(stage: Stage) -> TitleSeries {
    match stage {
        Stage::Preschool => TitleSeries::Preschool,
        Stage::Primary => TitleSeries::Primary,
        Stage::Junior | Stage::Senior => TitleSeries::Secondary,
        Stage::Vocational => TitleSeries::Vocational,
    }
}

/// A title that fits years of teaching: 二级 after the probation year,
/// 一级 after five or so, 高级 after fifteen or so (rarer in primary
/// schools and kindergartens), 正高级 for very few.
fn title(rng: &mut ChaCha8Rng, stage: Stage, years: i32) -> TitleLevel {
    let senior_share = match stage {
        Stage::Senior | Stage::Vocational => 0.55,
        Stage::Junior => 0.40,
        Stage::Primary => 0.12,
        Stage::Preschool => 0.06,
    };
    match years {
        y if y < 1 => TitleLevel::None,
        y if y < 5 => TitleLevel::Second,
        y if y < 15 => {
            if rng.gen_bool(0.7) {
                TitleLevel::First
            } else {
                TitleLevel::Second
            }
        }
        _ if stage != Stage::Preschool && rng.gen_bool(0.004) => TitleLevel::Professor,
        _ if rng.gen_bool(senior_share) => TitleLevel::Senior,
        _ => TitleLevel::First,
    }
}

impl Gen {
    pub fn new(seed: u64, divisions: usize, year: i32) -> Gen {
        Gen {
            rng: rand::SeedableRng::seed_from_u64(seed),
            divisions,
            year,
            sequence: HashMap::new(),
            certificates: 0,
        }
    }

    fn name(&mut self, male: bool) -> String {
        let s = data::SURNAMES
            .choose(&mut self.rng)
            .copied()
            .unwrap_or("王");
        let given = if male {
            data::GIVEN_MALE
        } else {
            data::GIVEN_FEMALE
        };
        let a = given.choose(&mut self.rng).copied().unwrap_or("华");
        if self.rng.gen_bool(0.35) {
            format!("{s}{a}")
        } else {
            let b = given.choose(&mut self.rng).copied().unwrap_or("明");
            format!("{s}{a}{b}")
        }
    }

    /// A valid ID: 500 sequence codes per (birth date, sex) and division,
    /// then the next division of the list.
    fn national_id(&mut self, birth: NaiveDate, male: bool) -> String {
        let n = self.sequence.entry((birth, male)).or_insert(0);
        let (block, k) = ((*n / 500) as usize, *n % 500);
        *n += 1;
        let codes = data::DIVISIONS[self.divisions];
        let code = codes[block % codes.len()];
        let body = format!(
            "{code}{}{:03}",
            birth.format("%Y%m%d"),
            k * 2 + u32::from(male)
        );
        let check = check_char(&body).unwrap_or('0');
        format!("{body}{check}")
    }

    fn date(&mut self, year: i32) -> NaiveDate {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        start + chrono::Days::new(self.rng.gen_range(0..365))
    }

    /// A member of staff of `institution`: a full-time teacher of `stage`,
    /// or (`stage` None) one of the other staff of a school of `home`.
    pub fn person(
        &mut self,
        institution: i64,
        stage: Option<Stage>,
        home: Stage,
        public: bool,
    ) -> Person {
        let women = data::women_percent(home);
        let male = self.rng.gen_range(0..100) >= women;
        // Ages 22–59, fewer at both ends.
        let age = 22 + (self.rng.gen_range(0..38) + self.rng.gen_range(0..38)) / 2;
        let birth = self.date(self.year - age);
        let entry_age = self.rng.gen_range(21..=24).min(age);
        let started = NaiveDate::from_ymd_opt(birth.year() + entry_age, 9, 1).unwrap_or(birth);
        let years = self.year - started.year();
        let (education, degree, _) = *data::education(home)
            .choose_weighted(&mut self.rng, |e| e.2)
            .unwrap_or(&("本科", "学士", 1));
        let establishment = match (public, self.rng.gen_range(0..100)) {
            (true, n) if n < 90 => Establishment::InQuota,
            (true, n) if n < 97 => Establishment::OutsideQuota,
            (false, n) if n < 95 => Establishment::OutsideQuota,
            _ => Establishment::Substitute,
        };
        let name = self.name(male);
        let national_id = self.national_id(birth, male);
        let politics = if self.rng.gen_bool(0.32) {
            "中共党员"
        } else if age < 28 && self.rng.gen_bool(0.5) {
            "共青团员"
        } else {
            "群众"
        };
        let ethnicity = if self.rng.gen_bool(0.985) {
            "汉族"
        } else {
            ["回族", "满族", "畲族", "土家族"]
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("回族")
        };
        let month = |d: NaiveDate| d.format("%Y-%m").to_string();
        let mut p = Person {
            institution,
            national_id,
            name,
            male,
            birth,
            ethnicity,
            politics,
            education,
            degree,
            work_start: month(started),
            teaching_start: String::new(),
            post_category: "technical",
            post_grade: None,
            establishment,
            full_time: false,
            subjects: "",
            stage: None,
            title_series: None,
            title_level: TitleLevel::None,
            title_obtained_on: None,
            certificate_type: "",
            certificate_subject: "",
            certificate_number: String::new(),
            started,
        };
        match stage {
            Some(stage) => self.teacher(&mut p, stage, years),
            None => {
                let (category, _) = weighted(
                    &mut self.rng,
                    &data::OTHER_POSTS
                        .iter()
                        .map(|(c, what, w)| ((*c, *what), *w))
                        .collect::<Vec<_>>(),
                );
                p.post_category = category;
                p.post_grade = Some(self.rng.gen_range(5..=10));
            }
        }
        p
    }

    fn teacher(&mut self, p: &mut Person, stage: Stage, years: i32) {
        let subject = weighted(&mut self.rng, data::subjects(stage));
        // Many in kindergartens and private schools are never evaluated.
        let unrated = (stage == Stage::Preschool || p.establishment != Establishment::InQuota)
            && self.rng.gen_bool(0.4);
        let level = if unrated {
            TitleLevel::None
        } else {
            title(&mut self.rng, stage, years)
        };
        p.full_time = true;
        p.subjects = subject;
        p.stage = Some(stage);
        p.teaching_start = p.work_start.clone();
        p.title_series = (level != TitleLevel::None).then(|| series(stage));
        p.title_level = level;
        // The current title obtained a few years before now, never before
        // teaching began.
        p.title_obtained_on = (level != TitleLevel::None).then(|| {
            let back = self.rng.gen_range(0..=years.clamp(1, 8));
            let year = (self.year - back).max(p.started.year() + 1);
            NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(p.started)
        });
        p.post_grade = Some(match level {
            TitleLevel::Professor => 2,
            TitleLevel::Senior => self.rng.gen_range(5..=7),
            TitleLevel::First => self.rng.gen_range(8..=10),
            _ => self.rng.gen_range(11..=13),
        });
        p.certificate_type = data::certificate(stage);
        p.certificate_subject = subject;
        self.certificates += 1;
        p.certificate_number = format!(
            "{}33{:02}{:09}",
            p.started.year(),
            stage.index() + 1,
            self.certificates
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_plausible_and_ids_valid() {
        let mut gen = Gen::new(1, 0, 2026);
        let mut ids = std::collections::HashSet::new();
        for n in 0..2_000 {
            let stage = (n % 5 != 0).then_some(Stage::Junior);
            let p = gen.person(1, stage, Stage::Junior, n % 7 != 0);
            let age = 2026 - p.birth.year();
            assert!((22..=60).contains(&age), "age {age}");
            assert!(platform::vocab::identity::validate_document(
                platform::vocab::DocumentType::ResidentId,
                &p.national_id
            )
            .is_ok());
            assert!(ids.insert(p.national_id.clone()), "duplicate ID");
            assert_eq!(p.full_time, stage.is_some());
            if let Some(d) = p.title_obtained_on {
                assert!(d > p.started, "title before teaching began");
            }
        }
    }
}
