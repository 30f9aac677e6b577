//! 体测成绩: a class's results, one pupil's test recorded and scored on
//! save, import and export in the national template, bulk rescoring. Every
//! view of a pupil's results is audited here.

pub mod export;
pub mod import;
pub mod rescore;

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use platform::audit::{self, Entry};
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::error::FieldError;
use platform::vocab::SchoolYear;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use crate::domain::results::template::class_label;
use crate::domain::results::{Field, Sheet};
use crate::store::results::{
    self as store, sex_of, ClassCount, ClassOf, Raw, RosterRow, Scores, TestRow,
};

/// Results as typed on the form or sent to the API.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct SheetInput {
    /// 免测: exempt from testing (the sheet is kept, never scored).
    #[serde(default)]
    pub exempt: bool,
    #[serde(default)]
    pub tested_on: Option<NaiveDate>,
    /// Results by column (height, weight, vital_capacity, sprint_50m,
    /// standing_long_jump, sit_and_reach, run_800m, run_1000m, sit_ups,
    /// pull_ups, rope_skipping, shuttle_8x50m) as a test sheet writes them:
    /// "120.5", "10.2", "3'30". Empty or absent: not tested.
    #[serde(default)]
    pub results: BTreeMap<String, String>,
}

impl SheetInput {
    /// The sheet, or every field that cannot be read.
    fn sheet(&self) -> Result<Sheet, Vec<FieldError>> {
        let mut sheet = Sheet {
            exempt: self.exempt,
            ..Sheet::default()
        };
        let mut errors = Vec::new();
        for (key, text) in &self.results {
            let text = text.trim();
            let Some(field) = Field::named(key) else {
                errors.push(FieldError::new(key, "没有这个测试项目"));
                continue;
            };
            if text.is_empty() {
                continue;
            }
            match field.parse(text) {
                Some(v) => sheet.set(field, Some(v)),
                None => errors.push(FieldError::new(
                    field.column(),
                    format!("无法识别「{text}」（单位：{}）", field.unit()),
                )),
            }
        }
        if errors.is_empty() {
            Ok(sheet)
        } else {
            Err(errors)
        }
    }
}

/// Read access to results for one caller: scoped, each view of a pupil's
/// results audited.
pub struct ResultsReader<'a>(Reader<'a>);

impl<'a> ResultsReader<'a> {
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(ResultsReader(caller.reader(db, WorkArea::Fitness)?))
    }

    /// The classes of a school's year with pupils and tests counted.
    pub async fn classes(
        &self,
        institution: InstitutionId,
        year: SchoolYear,
    ) -> Result<Vec<ClassCount>, AppError> {
        if !self.0.scope().allows(institution) {
            return Err(AppError::NotFound);
        }
        Ok(store::classes(self.0.db(), self.0.scope(), institution, year.0).await?)
    }

    /// A class's pupils with their results, the view audited.
    pub async fn roster(&self, class: ClassOf<'_>) -> Result<Vec<RosterRow>, AppError> {
        if !self.0.scope().allows(class.institution) {
            return Err(AppError::NotFound);
        }
        let rows = store::roster(self.0.db(), self.0.scope(), class).await?;
        let summary = format!(
            "查看{}{}体测成绩（{} 人）",
            SchoolYear(class.year).label(),
            class_label(class.grade as u8, class.class_name),
            rows.len()
        );
        let entry =
            Entry::new("view", "fitness_test", summary).institution(Some(class.institution));
        self.0.audit_view(entry).await?;
        Ok(rows)
    }

    /// One test, the view audited.
    pub async fn test(&self, id: i64) -> Result<TestRow, AppError> {
        let t = store::test(self.0.db(), self.0.scope(), id)
            .await?
            .ok_or(AppError::NotFound)?;
        let summary = format!(
            "查看 {} 的{}体测成绩",
            t.student_name,
            SchoolYear(t.school_year).label()
        );
        let entry = Entry::new("view", "fitness_test", summary)
            .id(t.id)
            .institution(Some(InstitutionId(t.institution_id)));
        self.0.audit_view(entry).await?;
        Ok(t)
    }

    /// A pupil's enrolment in the year (to start a new sheet), if in scope.
    pub async fn pupil(&self, student: i64, year: SchoolYear) -> Result<store::PupilRow, AppError> {
        store::pupil(self.0.db(), self.0.scope(), student, year.0)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// What was saved.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Saved {
    pub id: i64,
    /// Whether the sheet was complete and scored.
    pub scored: bool,
    /// 学年总分 in tenths.
    pub total: Option<i64>,
    /// excellent, good, pass, fail.
    pub level: Option<String>,
}

/// Records a pupil's results of `year`: the pupil's test of the year is
/// created, or changed if there is one. Scored on save.
pub async fn record(
    db: &Db,
    caller: &Caller,
    student: i64,
    year: SchoolYear,
    input: &SheetInput,
) -> Result<Saved, AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    reader.require_write()?;
    let pupil = store::pupil(db, &caller.scope, student, year.0)
        .await?
        .ok_or(AppError::NotFound)?;
    save(db, caller, &pupil, year, input).await
}

/// Changes a stored test's results. Scored on save.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: i64,
    input: &SheetInput,
) -> Result<Saved, AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    reader.require_write()?;
    let t = store::test(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let pupil = store::PupilRow {
        student_id: t.student_id,
        institution_id: t.institution_id,
        grade: t.grade,
        class_name: t.class_name,
        sex_code: t.sex,
        name: t.student_name,
        id_number: t.id_number,
        test_id: Some(t.id),
    };
    save(db, caller, &pupil, SchoolYear(t.school_year), input).await
}

async fn save(
    db: &Db,
    caller: &Caller,
    pupil: &store::PupilRow,
    year: SchoolYear,
    input: &SheetInput,
) -> Result<Saved, AppError> {
    let sheet = input.sheet().map_err(AppError::Invalid)?;
    let (grade, sex) = (pupil.grade as u8, sex_of(&pupil.sex_code));
    let problems = sheet.check(grade, sex);
    if !problems.is_empty() {
        return Err(AppError::Invalid(
            problems
                .into_iter()
                .map(|e| FieldError::new(e.field.column(), e.reason))
                .collect(),
        ));
    }
    let raw = Raw::of(&sheet);
    let scores = Scores::of(sheet.score(grade, sex).as_ref());
    let w = store::Write {
        exempt: sheet.exempt,
        tested_on: input.tested_on,
        raw: &raw,
        scores: &scores,
        at: Utc::now(),
    };
    let mut tx = db.begin().await?;
    let (id, action, verb) = match pupil.test_id {
        Some(id) => {
            store::update(&mut tx, id, &w).await?;
            (id, "update", "修改")
        }
        None => (
            store::insert(&mut tx, pupil, year.0, &w).await?,
            "create",
            "录入",
        ),
    };
    let summary = format!("{verb} {} 的{}体测成绩", pupil.name, year.label());
    let entry = Entry::new(action, "fitness_test", summary)
        .id(id)
        .institution(Some(InstitutionId(pupil.institution_id)))
        .after(&serde_json::json!({ "exempt": sheet.exempt, "raw": raw, "total": scores.total }));
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(Saved {
        id,
        scored: scores.total.is_some(),
        total: scores.total,
        level: scores.level,
    })
}

/// Removes a test recorded by mistake.
pub async fn delete(db: &Db, caller: &Caller, id: i64) -> Result<(), AppError> {
    let reader = caller.reader(db, WorkArea::Fitness)?;
    reader.require_write()?;
    let t = store::test(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = db.begin().await?;
    store::bulk::delete(&mut tx, &[id]).await?;
    let summary = format!(
        "删除 {} 的{}体测成绩",
        t.student_name,
        SchoolYear(t.school_year).label()
    );
    let entry = Entry::new("delete", "fitness_test", summary)
        .id(id)
        .institution(Some(InstitutionId(t.institution_id)))
        .before(&t.raw);
    audit::record(&mut tx, &caller.who, entry).await?;
    tx.commit().await?;
    Ok(())
}
