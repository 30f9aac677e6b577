//! The bureau's entries: plans, posts, applicants and their scores, each
//! checked, written in one transaction and audited.

use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::{Db, DbError, Sql};
use platform::{AppError, FieldError};

use crate::domain::recruitment::{
    ApplicantId, ApplicantInput, PlanId, PlanInput, PostId, PostInput, ScoresInput,
};
use crate::store::recruitment::{
    self as store, ApplicantRow, NewApplicant, NewPost, PlanRow, PostRow,
};

fn taken(field: &str, message: &str) -> impl FnOnce(DbError) -> AppError {
    let error = FieldError::new(field, message);
    move |e| match e {
        DbError::Unique(_) => AppError::Invalid(vec![error]),
        other => other.into(),
    }
}

/// A new 招聘计划 (bureau only).
pub async fn create_plan(db: &Db, caller: &Caller, input: &PlanInput) -> Result<PlanRow, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let plan = input.validate().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::create_plan(&mut tx, plan.year, &plan.name, plan.weights)
        .await
        .map_err(taken("name", "已有同名招聘计划"))?;
    let row = store::plan(&mut tx, &Scope::All, id).await?;
    let entry = Entry::new(
        "create",
        "teachers_recruitment_plan",
        format!("新增招聘计划 {}", plan.name),
    )
    .id(id.0)
    .after(&row);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(row)
}

/// A post of a plan at an institution (bureau only).
pub async fn add_post(
    db: &Db,
    caller: &Caller,
    plan: PlanId,
    input: &PostInput,
) -> Result<PostRow, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let p = input.validate().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let plan_row = store::plan(&mut tx, &Scope::All, plan).await?;
    let known = tx
        .scalar(Sql::new("SELECT COUNT(*) FROM institutions WHERE id = ").bind(p.institution_id))
        .await?;
    if known == 0 {
        return Err(AppError::invalid(
            "institution_id",
            format!("招聘单位 #{} 不存在", p.institution_id),
        ));
    }
    let new = NewPost {
        institution_id: platform::InstitutionId(p.institution_id),
        stage: p.stage.key(),
        subject: &p.subject,
        places: p.places,
        requirements: &p.requirements,
    };
    let id = store::create_post(&mut tx, plan, &new).await?;
    let row = store::post(&mut tx, &Scope::All, id).await?;
    let summary = format!(
        "招聘计划“{}”新增岗位：{} {}{} {} 人",
        plan_row.name,
        row.institution_name,
        row.stage_label(),
        row.subject,
        row.places
    );
    let entry = Entry::new("create", "teachers_recruitment_post", summary)
        .id(id.0)
        .institution(Some(row.institution_id))
        .after(&row);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(row)
}

/// An applicant of a post (bureau only): the national ID must pass its
/// check digit and the certificate must cover the post's stage; one
/// application per person and plan.
pub async fn add_applicant(
    db: &Db,
    caller: &Caller,
    post: PostId,
    input: &ApplicantInput,
) -> Result<ApplicantRow, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let post_row = store::post(db, &Scope::All, post).await?;
    let stage = platform::vocab::Stage::parse(&post_row.stage).ok_or(AppError::NotFound)?;
    let a = input.validate(stage).map_err(AppError::Invalid)?;
    let new = NewApplicant {
        name: &a.name,
        national_id: a.national_id.as_str(),
        education: &a.education,
        certificate_type: &a.certificate_type,
        certificate_subject: &a.certificate_subject,
    };
    let mut tx = db.begin().await?;
    let id = store::create_applicant(&mut tx, post_row.plan_id, post, &new)
        .await
        .map_err(taken("national_id", "该身份证件号已报名本招聘计划"))?;
    let row = store::applicant(&mut tx, &Scope::All, id).await?;
    let summary = format!(
        "{} 报名 {} {}{} 岗位",
        a.name,
        post_row.institution_name,
        post_row.stage_label(),
        post_row.subject
    );
    let entry = Entry::new("create", "teachers_recruitment_applicant", summary)
        .id(id.0)
        .institution(Some(post_row.institution_id))
        .after(&row);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(row)
}

/// Records an applicant's 笔试 and 面试 scores (bureau only); a hired
/// applicant's scores stay as they were.
pub async fn set_scores(
    db: &Db,
    caller: &Caller,
    id: ApplicantId,
    input: &ScoresInput,
) -> Result<ApplicantRow, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let (written, interview) = input.validate().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let before = store::applicant(&mut tx, &Scope::All, id).await?;
    if before.staff_id.is_some() {
        return Err(AppError::Conflict(format!(
            "{} 已聘用，成绩不能再修改",
            before.name
        )));
    }
    store::set_scores(&mut tx, id, written, interview).await?;
    let after = store::applicant(&mut tx, &Scope::All, id).await?;
    let entry = Entry::new(
        "update",
        "teachers_recruitment_applicant",
        format!("录入 {} 的招聘考试成绩", before.name),
    )
    .id(id.0)
    .institution(Some(before.institution_id))
    .before(&before)
    .after(&after);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(after)
}
