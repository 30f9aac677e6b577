//! teachers_staff rows: one per person, read within the caller's scope.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Arg, DbError, Ex, Sql, Tx, Updated};
use platform::{InstitutionId, UserId};
use serde::Serialize;

use crate::domain::staff::{StaffFields, StaffId};
use crate::domain::{
    BackboneLevel, Establishment, PostCategory, StaffStatus, TitleLevel, TitleSeries,
};

/// A stored staff record.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StaffRecord {
    pub id: StaffId,
    /// 人事关系: the employing institution.
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    #[serde(flatten)]
    pub fields: StaffFields,
    /// The account that sees this record as its own (教师本人).
    #[schema(value_type = Option<i64>)]
    pub user_id: Option<UserId>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: StaffId,
    institution_id: InstitutionId,
    institution_name: String,
    national_id: String,
    name: String,
    sex: String,
    birth_date: NaiveDate,
    ethnicity: String,
    politics: String,
    education: String,
    degree: String,
    work_start: String,
    teaching_start: String,
    post_category: PostCategory,
    post_grade: Option<i64>,
    establishment: Establishment,
    full_time: bool,
    subjects: String,
    stage: Option<String>,
    title_series: Option<TitleSeries>,
    title_level: TitleLevel,
    title_obtained_on: Option<NaiveDate>,
    title_appointed_on: Option<NaiveDate>,
    certificate_type: String,
    certificate_subject: String,
    certificate_number: String,
    backbone_level: Option<BackboneLevel>,
    backbone_from: Option<NaiveDate>,
    backbone_to: Option<NaiveDate>,
    status: StaffStatus,
    user_id: Option<UserId>,
    version: i64,
    updated_at: DateTime<Utc>,
}

impl From<Row> for StaffRecord {
    fn from(r: Row) -> StaffRecord {
        StaffRecord {
            id: r.id,
            institution_id: r.institution_id,
            institution_name: r.institution_name,
            fields: StaffFields {
                name: r.name,
                national_id: r.national_id,
                sex: r.sex,
                birth_date: r.birth_date,
                ethnicity: r.ethnicity,
                politics: r.politics,
                education: r.education,
                degree: r.degree,
                work_start: r.work_start,
                teaching_start: r.teaching_start,
                post_category: r.post_category,
                post_grade: r.post_grade,
                establishment: r.establishment,
                full_time: r.full_time,
                subjects: r.subjects,
                stage: r.stage,
                title_series: r.title_series,
                title_level: r.title_level,
                title_obtained_on: r.title_obtained_on,
                title_appointed_on: r.title_appointed_on,
                certificate_type: r.certificate_type,
                certificate_subject: r.certificate_subject,
                certificate_number: r.certificate_number,
                backbone_level: r.backbone_level,
                backbone_from: r.backbone_from,
                backbone_to: r.backbone_to,
                status: r.status,
            },
            user_id: r.user_id,
            version: r.version,
            updated_at: r.updated_at,
        }
    }
}

/// The columns of [`StaffFields`], in the order [`bind_fields`] binds them.
const FIELD_COLUMNS: [&str; 27] = [
    "national_id",
    "name",
    "sex",
    "birth_date",
    "ethnicity",
    "politics",
    "education",
    "degree",
    "work_start",
    "teaching_start",
    "post_category",
    "post_grade",
    "establishment",
    "full_time",
    "subjects",
    "stage",
    "title_series",
    "title_level",
    "title_obtained_on",
    "title_appointed_on",
    "certificate_type",
    "certificate_subject",
    "certificate_number",
    "backbone_level",
    "backbone_from",
    "backbone_to",
    "status",
];

fn bind_fields(q: Sql, f: &StaffFields) -> Sql {
    q.arg(f.national_id.as_str())
        .arg(f.name.as_str())
        .arg(f.sex.as_str())
        .arg(f.birth_date)
        .arg(f.ethnicity.as_str())
        .arg(f.politics.as_str())
        .arg(f.education.as_str())
        .arg(f.degree.as_str())
        .arg(f.work_start.as_str())
        .arg(f.teaching_start.as_str())
        .arg(f.post_category)
        .arg(f.post_grade)
        .arg(f.establishment)
        .arg(f.full_time)
        .arg(f.subjects.as_str())
        .arg(f.stage.clone())
        .arg(f.title_series.map(|s| s.as_str()))
        .arg(f.title_level)
        .arg(f.title_obtained_on)
        .arg(f.title_appointed_on)
        .arg(f.certificate_type.as_str())
        .arg(f.certificate_subject.as_str())
        .arg(f.certificate_number.as_str())
        .arg(f.backbone_level.map(|b| b.as_str()))
        .arg(f.backbone_from)
        .arg(f.backbone_to)
        .arg(f.status)
}

fn select() -> Sql {
    let cols: Vec<String> = FIELD_COLUMNS.iter().map(|c| format!("s.{c}")).collect();
    Sql::new(format!(
        "SELECT s.id, s.institution_id, i.name AS institution_name, {}, s.user_id, s.version, \
         s.updated_at FROM teachers_staff s JOIN institutions i ON i.id = s.institution_id WHERE 1=1",
        cols.join(", ")
    ))
}

/// The record, if it exists and `scope` may see it.
pub async fn get(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: StaffId,
) -> Result<StaffRecord, DbError> {
    let q = scope.restrict(select().push(" AND s.id = ").bind(id), "s.institution_id");
    let row: Row = ex.into().fetch_one(q).await?;
    Ok(row.into())
}

/// The record an account sees as its own.
pub async fn of_user(ex: impl Into<Ex<'_>>, user: UserId) -> Result<Option<StaffRecord>, DbError> {
    let row: Option<Row> = ex
        .into()
        .fetch_optional(select().push(" AND s.user_id = ").bind(user))
        .await?;
    Ok(row.map(Into::into))
}

/// The record holding this national ID, whoever's it is (duplicates are
/// refused across the district).
pub async fn id_of_national_id(
    ex: impl Into<Ex<'_>>,
    national_id: &str,
) -> Result<Option<StaffId>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Id {
        id: StaffId,
    }
    let q = Sql::new("SELECT id FROM teachers_staff WHERE national_id = ").bind(national_id);
    Ok(ex.into().fetch_optional::<Id>(q).await?.map(|r| r.id))
}

pub async fn insert(
    tx: &mut Tx,
    institution: InstitutionId,
    f: &StaffFields,
) -> Result<StaffId, DbError> {
    let n = FIELD_COLUMNS.len();
    let marks: Vec<String> = (1..=n + 2).map(|i| format!("${i}")).collect();
    let q = Sql::new(format!(
        "INSERT INTO teachers_staff ({}, institution_id, created_at, updated_at) VALUES ({}, ${}) RETURNING id",
        FIELD_COLUMNS.join(", "),
        marks.join(", "),
        n + 2
    ));
    let id = tx
        .scalar(bind_fields(q, f).arg(institution).arg(Utc::now()))
        .await?;
    Ok(StaffId(id))
}

/// Writes the fields if the record is still at `version`.
pub async fn update(
    tx: &mut Tx,
    id: StaffId,
    version: i64,
    f: &StaffFields,
) -> Result<Updated, DbError> {
    let n = FIELD_COLUMNS.len();
    let sets: Vec<String> = FIELD_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let q = Sql::new(format!(
        "UPDATE teachers_staff SET {}, version = version + 1, updated_at = ${} WHERE id = ${} AND version = ${}",
        sets.join(", "),
        n + 1,
        n + 2,
        n + 3
    ));
    let changed = tx
        .execute(bind_fields(q, f).arg(Utc::now()).arg(id).arg(version))
        .await?;
    Ok(Updated::from_rows(changed))
}

/// Moves the person's employment (人事关系) to another institution.
pub async fn move_to(tx: &mut Tx, id: StaffId, institution: InstitutionId) -> Result<(), DbError> {
    set(tx, id, "institution_id", institution.into()).await
}

/// Links the account that sees this record as its own (none to unlink).
pub async fn link_user(tx: &mut Tx, id: StaffId, user: Option<UserId>) -> Result<(), DbError> {
    set(tx, id, "user_id", user.into()).await
}

/// Sets one column (a trusted name) and counts the change in `version`.
async fn set(tx: &mut Tx, id: StaffId, column: &str, value: Arg) -> Result<(), DbError> {
    let q = Sql::new(format!("UPDATE teachers_staff SET {column} = "))
        .bind(value)
        .push(", version = version + 1, updated_at = ")
        .bind(Utc::now())
        .push(" WHERE id = ")
        .bind(id);
    tx.execute(q).await?;
    Ok(())
}
