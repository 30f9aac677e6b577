use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::{Deserialize, Serialize};

use crate::domain::student::NewStudent;
use crate::domain::Grade;

use crate::domain::enrolment::EnrolmentStatus;
use crate::domain::ids::EnrolmentId;
pub use crate::domain::ids::StudentId;

/// A student with their current enrolment (if any).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct StudentRecord {
    #[schema(value_type = i64)]
    pub id: StudentId,
    pub id_type: String,
    pub id_number: String,
    pub name: String,
    pub sex: String,
    /// Stored; callers read `birth`, which the reader fills as they may see it.
    #[serde(skip)]
    pub(crate) birth_date: NaiveDate,
    /// 出生日期 as this caller may see it: the date, or "2015年" only.
    #[sqlx(skip)]
    #[serde(rename = "birth_date")]
    pub birth: String,
    pub ethnicity: String,
    pub hukou_type: String,
    pub hukou_division: String,
    pub health: String,
    pub left_behind: i64,
    pub migrant_child: bool,
    pub orphan: bool,
    pub disability: String,
    pub inclusive_class: bool,
    pub boarding: bool,
    pub dibao: bool,
    pub registered_poor: bool,
    pub address: String,
    pub phone: String,
    pub guardian_name: String,
    pub guardian_relation: String,
    pub guardian_phone: String,
    pub extra_json: Option<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    #[schema(value_type = Option<i64>)]
    pub enrolment_id: Option<EnrolmentId>,
    #[schema(value_type = Option<i64>)]
    pub institution_id: Option<InstitutionId>,
    pub institution_name: Option<String>,
    pub school_year: Option<i64>,
    pub grade: Option<i64>,
    pub class_name: Option<String>,
    pub status: Option<EnrolmentStatus>,
}

/// A line of the student list.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct StudentRow {
    #[schema(value_type = i64)]
    pub id: StudentId,
    pub id_number: String,
    pub name: String,
    pub sex: String,
    /// Stored; callers read `birth`, which the reader fills as they may see it.
    #[serde(skip)]
    pub(crate) birth_date: NaiveDate,
    /// 出生日期 as this caller may see it: the date, or "2015年" only.
    #[sqlx(skip)]
    #[serde(rename = "birth_date")]
    pub birth: String,
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub grade: i64,
    pub class_name: String,
    pub status: EnrolmentStatus,
    pub left_behind: i64,
    pub migrant_child: bool,
    pub boarding: bool,
    pub dibao: bool,
    pub registered_poor: bool,
    pub disability: String,
}

pub(crate) const RECORD: &str = "SELECT s.id, s.id_type, s.id_number, s.name, s.sex, s.birth_date, s.ethnicity, s.hukou_type, s.hukou_division, s.health, s.left_behind, s.migrant_child, s.orphan, s.disability, s.inclusive_class, s.boarding, s.dibao, s.registered_poor, s.address, s.phone, s.guardian_name, s.guardian_relation, s.guardian_phone, s.extra_json, s.version, s.updated_at, e.id AS enrolment_id, e.institution_id, i.name AS institution_name, e.school_year, e.grade, e.class_name, e.status FROM students s LEFT JOIN students_enrolments e ON e.student_id = s.id AND e.status <> 'left' LEFT JOIN institutions i ON i.id = e.institution_id";

/// One student, if `scope` may see them (a school: only while enrolled there).
pub async fn get(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: StudentId,
) -> Result<StudentRecord, DbError> {
    ex.into()
        .fetch_one(scope.restrict(
            Sql::new(RECORD).push(" WHERE s.id = ").bind(id),
            "e.institution_id",
        ))
        .await
}

pub async fn find_by_id_number(
    db: &Db,
    scope: &Scope,
    id_number: &str,
) -> Result<Option<StudentRecord>, DbError> {
    db.fetch_optional(
        scope.restrict(
            Sql::new(RECORD)
                .push(" WHERE s.id_number = ")
                .bind(id_number),
            "e.institution_id",
        ),
    )
    .await
}

/// Filters of the student list; all optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct StudentFilter {
    /// Name (prefix) or full document number.
    pub q: Option<String>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub institution_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub township_id: Option<i64>,
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub grade: Option<i64>,
    pub class_name: Option<String>,
    /// left_behind, migrant_child, boarding, dibao, registered_poor, disability, orphan
    pub category: Option<String>,
    /// 1-based page.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub page: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;
/// Totals above this are reported as "more than", so a list over a
/// province never counts a million rows for its pager.
pub const COUNT_CAP: i64 = 10_000;

fn category_condition(c: &str) -> Option<&'static str> {
    Some(match c {
        "left_behind" => "s.left_behind > 0",
        "migrant_child" => "s.migrant_child = TRUE",
        "boarding" => "s.boarding = TRUE",
        "dibao" => "s.dibao = TRUE",
        "registered_poor" => "s.registered_poor = TRUE",
        "disability" => "s.disability <> ''",
        "orphan" => "s.orphan = TRUE",
        _ => return None,
    })
}

/// The name prefix searched for, if `q` is a name (not a document number).
fn name_prefix(f: &StudentFilter) -> Option<&str> {
    let is_document_number =
        |t: &str| t.len() >= 15 && t.chars().all(|c| c.is_ascii_alphanumeric());
    f.q.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && !is_document_number(t))
}

fn filtered(select: &str, scope: &Scope, f: &StudentFilter) -> Sql {
    filtered_from(select, scope, f, true)
}

/// The filtered list; without `all_joins`, students and institutions are
/// joined only when a filter reads them (counting needs no more: every
/// enrolment has its student and institution by foreign key).
fn filtered_from(select: &str, scope: &Scope, f: &StudentFilter, all_joins: bool) -> Sql {
    let text_filter = f.q.as_deref().is_some_and(|t| !t.trim().is_empty());
    let category = f.category.as_deref().and_then(category_condition);
    let mut from = String::from(" FROM students_enrolments e");
    if all_joins || text_filter || category.is_some() {
        from.push_str(" JOIN students s ON s.id = e.student_id");
    }
    if all_joins || f.township_id.is_some() {
        from.push_str(" JOIN institutions i ON i.id = e.institution_id");
    }
    let mut q = scope.restrict(
        Sql::new(select)
            .push(&from)
            .push(" WHERE e.status <> 'left'"),
        "e.institution_id",
    );
    if let Some(id) = f.institution_id {
        q = q.push(" AND e.institution_id = ").bind(id);
    }
    if let Some(t) = f.township_id {
        q = q.push(" AND i.township_id = ").bind(t);
    }
    if let Some(g) = f.grade {
        q = q.push(" AND e.grade = ").bind(g);
    }
    if let Some(c) = f
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        q = q.push(" AND e.class_name = ").bind(c);
    }
    if let Some(cond) = category {
        q = q.push(" AND ").push(cond);
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        if text.len() >= 15 && text.chars().all(|c| c.is_ascii_alphanumeric()) {
            q = q.push(" AND s.id_number = ").bind(text.to_uppercase());
        } else {
            // A prefix as a range, so the name index serves it on both databases.
            q = q
                .push(" AND s.name >= ")
                .bind(text)
                .push(" AND s.name < ")
                .bind(format!("{text}\u{10FFFF}"));
        }
    }
    q
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StudentPage {
    pub items: Vec<StudentRow>,
    /// Counted only for one institution's list (at most [`COUNT_CAP`]);
    /// district-wide lists of a million pupils page without counting.
    pub total: Option<i64>,
    pub total_capped: bool,
    pub has_next: bool,
    pub page: i64,
    pub per_page: i64,
}

const ROW: &str = "SELECT s.id, s.id_number, s.name, s.sex, s.birth_date, e.institution_id, i.name AS institution_name, e.grade, e.class_name, e.status, s.left_behind, s.migrant_child, s.boarding, s.dibao, s.registered_poor, s.disability";

/// The order of a list: by name for a name search (using the name index),
/// otherwise by institution, grade and class (using the enrolment indexes).
fn order(f: &StudentFilter) -> &'static str {
    let narrowed = f.institution_id.is_some() || f.grade.is_some() || f.township_id.is_some();
    if name_prefix(f).is_some() {
        " ORDER BY s.name, s.id"
    } else if f.category.as_deref().and_then(category_condition).is_some() && !narrowed {
        // Walk the category's partial index (see migration 0201).
        " ORDER BY s.id"
    } else {
        " ORDER BY e.institution_id, e.grade, e.class_name, e.student_id"
    }
}

/// One page of currently enrolled students. A page fetches one row more
/// than it shows to know whether another follows; the total is counted only
/// when the list is one institution's.
pub async fn list(db: &Db, scope: &Scope, f: &StudentFilter) -> Result<StudentPage, DbError> {
    let page = f.page.unwrap_or(1).clamp(1, 100_000);
    let mut items: Vec<StudentRow> = db
        .fetch_all(
            filtered(ROW, scope, f)
                .push(order(f))
                .limit(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE),
        )
        .await?;
    let has_next = items.len() as i64 > PAGE_SIZE;
    items.truncate(PAGE_SIZE as usize);
    let one_institution = scope.institution().is_some() || f.institution_id.is_some();
    let (total, total_capped) = if one_institution {
        let count = filtered_from("SELECT 1", scope, f, false)
            .push(" LIMIT ")
            .bind(COUNT_CAP + 1);
        let n = db
            .scalar(count.wrap("SELECT COUNT(*) FROM (", ") AS capped"))
            .await?;
        (Some(n.min(COUNT_CAP)), n > COUNT_CAP)
    } else {
        (None, false)
    };
    Ok(StudentPage {
        items,
        total,
        total_capped,
        has_next,
        page,
        per_page: PAGE_SIZE,
    })
}

/// Every matching student (exports), in list order.
pub async fn list_all(
    db: &Db,
    scope: &Scope,
    f: &StudentFilter,
) -> Result<Vec<StudentRow>, DbError> {
    db.fetch_all(
        filtered("SELECT s.id, s.id_number, s.name, s.sex, s.birth_date, e.institution_id, i.name AS institution_name, e.grade, e.class_name, e.status, s.left_behind, s.migrant_child, s.boarding, s.dibao, s.registered_poor, s.disability", scope, f)
            .push(order(f)),
    )
    .await
}

/// Inserts a student record (without enrolment).
pub async fn insert(tx: &mut Tx, s: &NewStudent) -> Result<StudentId, DbError> {
    let now = Utc::now();
    let id = tx
        .scalar(
            Sql::new("INSERT INTO students (id_type, id_number, name, sex, birth_date, ethnicity, hukou_type, hukou_division, health, left_behind, migrant_child, orphan, disability, inclusive_class, boarding, dibao, registered_poor, address, phone, guardian_name, guardian_relation, guardian_phone, extra_json, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, 1, $24, $24) RETURNING id")
                .arg(s.id_type.as_str())
                .arg(s.id_number.as_str())
                .arg(s.name.as_str())
                .arg(s.sex.as_str())
                .arg(s.birth_date)
                .arg(s.ethnicity.as_str())
                .arg(s.hukou_type.as_str())
                .arg(s.hukou_division.as_str())
                .arg(s.health.as_str())
                .arg(s.left_behind)
                .arg(s.migrant_child)
                .arg(s.orphan)
                .arg(s.disability.as_str())
                .arg(s.inclusive_class)
                .arg(s.boarding)
                .arg(s.dibao)
                .arg(s.registered_poor)
                .arg(s.address.as_str())
                .arg(s.phone.as_str())
                .arg(s.guardian_name.as_str())
                .arg(s.guardian_relation.as_str())
                .arg(s.guardian_phone.as_str())
                .arg(s.extra_json.clone())
                .arg(now),
        )
        .await?;
    Ok(StudentId(id))
}

/// Enrols a student (the one current enrolment, enforced by the database).
pub async fn enrol(
    tx: &mut Tx,
    student: StudentId,
    institution: InstitutionId,
    school_year: i64,
    grade: Grade,
    class_name: &str,
    entered_on: NaiveDate,
) -> Result<EnrolmentId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at) VALUES ($1, $2, $3, $4, $5, 'active', $6, $7) RETURNING id")
            .arg(student)
            .arg(institution)
            .arg(school_year)
            .arg(grade.0)
            .arg(class_name)
            .arg(entered_on)
            .arg(Utc::now()),
    )
    .await
    .map(EnrolmentId)
}
