//! Notices of an institution to its pupils' parents (家长通知): for the
//! whole school or a grade they appear on the institution's public page,
//! for a class on the class's page reached by its link (班级链接, a short
//! code). Parents have no accounts: one confirms having read a notice with
//! the pupil's name and the last four characters of the ID number
//! (a receipt per pupil; throttled by the caller of [`confirm`]). Nothing
//! public names a pupil.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};

use super::{Sent, FILE_SUBJECT};
use crate::domain::notices::{
    class_code, confirms, is_class_code, NoticeId, NoticeInput, ParentAudience,
};
use crate::service::files::{self, Upload};
use crate::store::notices::{self as store, Class, ClassLink, NewNotice, ParentNotice, Sender};

fn own_institution(caller: &Caller) -> Result<i64, AppError> {
    caller.require(WorkArea::PublicService, Access::Write)?;
    caller
        .scope
        .institution()
        .map(|i| i.0)
        .ok_or(AppError::Forbidden)
}

/// The link of a class, made on first use.
async fn link_for(
    db: &Db,
    institution: i64,
    grade: i64,
    class_name: &str,
) -> Result<ClassLink, AppError> {
    if let Some(link) = store::link_of_class(db, institution, grade, class_name).await? {
        return Ok(link);
    }
    let code = class_code(&mut rand::thread_rng());
    let mut tx = db.begin().await?;
    store::insert_link(&mut tx, &code, institution, grade, class_name).await?;
    tx.commit().await?;
    store::link_by_code(db, &code)
        .await?
        .ok_or(AppError::NotFound)
}

/// The link parents of a class open (made on first use), for the
/// institution's own staff.
pub async fn class_link(
    db: &Db,
    caller: &Caller,
    grade: i64,
    class_name: &str,
) -> Result<ClassLink, AppError> {
    let own = own_institution(caller)?;
    let covered = store::pupils_covered(
        db,
        own,
        &ParentAudience::Class {
            grade,
            class_name: class_name.into(),
        },
    )
    .await?;
    if covered == 0 {
        return Err(AppError::invalid("class_name", "本校没有该班级的在读学生"));
    }
    link_for(db, own, grade, class_name).await
}

/// The classes of the caller's institution with their pupils.
pub async fn classes(db: &Db, caller: &Caller) -> Result<Vec<Class>, AppError> {
    caller.require(WorkArea::PublicService, Access::Read)?;
    match caller.scope.institution() {
        Some(own) => Ok(store::classes(db, own.0).await?),
        None => Ok(vec![]),
    }
}

/// Sends a notice of the caller's institution to the parents it names.
pub async fn send(
    db: &Db,
    caller: &Caller,
    input: &NoticeInput,
    attachments: &[Upload],
) -> Result<Sent, AppError> {
    let own = own_institution(caller)?;
    let draft = input.parse_for_parents().map_err(AppError::Invalid)?;
    files::check_all(attachments)?;
    let pupils = store::pupils_covered(db, own, &draft.audience).await?;
    if pupils == 0 {
        return Err(AppError::invalid("audience_value", "该范围内没有在读学生"));
    }
    if let ParentAudience::Class { grade, class_name } = &draft.audience {
        link_for(db, own, *grade, class_name).await?;
    }
    let label = draft.audience.label();
    let value = draft.audience.value();
    let by = caller.who.user_id.map(|u| u.0);
    let mut tx = db.begin().await?;
    let id = store::insert(
        &mut tx,
        &NewNotice {
            title: &draft.title,
            body: &draft.body,
            sender: Sender::Institution(own),
            audience: draft.audience.key(),
            audience_value: &value,
            audience_label: &label,
            by,
        },
    )
    .await?;
    store::set_recipients(&mut tx, id, pupils).await?;
    files::attach(&mut tx, FILE_SUBJECT, id.0, attachments, by).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "public_notice",
            format!("发送家长通知：{}（{label}，{pupils} 名学生）", draft.title),
        )
        .id(id.0)
        .institution(Some(InstitutionId(own)))
        .after(input),
    )
    .await?;
    Ok(Sent {
        id,
        recipients: pupils,
    })
}

/// A class's page: its link and the notices that reach it. An unknown or
/// malformed code finds nothing.
pub async fn class_page(db: &Db, code: &str) -> Result<(ClassLink, Vec<ParentNotice>), AppError> {
    if !is_class_code(code) {
        return Err(AppError::NotFound);
    }
    let link = store::link_by_code(db, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let notices = store::class_notices(db, &link).await?;
    Ok((link, notices))
}

/// A parent's confirmation of a class notice for a pupil of the class;
/// refused alike for a wrong name or a wrong ID tail.
pub async fn confirm(
    db: &Db,
    code: &str,
    notice: NoticeId,
    name: &str,
    id_tail: &str,
) -> Result<(), AppError> {
    let (link, notices) = class_page(db, code).await?;
    if !notices.iter().any(|n| n.id == notice) {
        return Err(AppError::NotFound);
    }
    let class = ParentAudience::Class {
        grade: link.grade,
        class_name: link.class_name.clone(),
    };
    let pupil = store::pupils_named(db, link.institution_id, name.trim())
        .await?
        .into_iter()
        .find(|p| {
            class.covers(p.grade, &p.class_name) && confirms(name, id_tail, &p.name, &p.id_number)
        })
        .ok_or_else(|| AppError::invalid("id_tail", "学生姓名或身份证号后四位不符"))?;
    let mut tx = db.begin().await?;
    store::confirm(&mut tx, notice, pupil.student_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The institution's notices for the whole school or a grade (its public page).
pub async fn public_notices(db: &Db, institution: i64) -> Result<Vec<ParentNotice>, AppError> {
    Ok(store::public_notices(db, institution).await?)
}
