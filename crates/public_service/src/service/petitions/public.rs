//! The public side of the director's mailbox (局长信箱): a writer without an
//! account sends a letter and gets a reference and a query code (查询码);
//! with both they follow the case, read the reply and rate it once. A retry
//! of the same form (double click, lost answer) makes no second letter.

use std::net::IpAddr;

use inspection::domain::evidence::check;
use inspection::service::evidence::Upload;
use platform::audit::{self, Entry, Who};
use platform::db::DbError;
use platform::{AppError, FieldError};

use super::{create, created, digest, query_code, ENTITY};
use crate::domain::petitions::{
    next, parse_ref, PetitionId, PetitionInput, Satisfaction, Status, Step,
};
use crate::store::petitions::{self as store, NewCase, Petition};

/// Letters one phone number may send through the mailbox in 24 hours.
pub const MAX_PER_PHONE_PER_DAY: i64 = 5;
/// Files a letter may carry.
pub const MAX_FILES: usize = 3;
/// The largest file a letter may carry (5 MiB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The longest form token accepted.
const MAX_FORM_ID: usize = 100;

fn public(ip: Option<IpAddr>) -> Who {
    Who {
        user_id: None,
        username: "public:mailbox".into(),
        ip: ip.map(|i| i.to_string()),
    }
}

/// A letter received: its reference and the query code to keep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub id: PetitionId,
    pub ref_no: String,
    pub query_code: String,
}

/// Checks each file by content and size; the types found.
fn check_files(files: &[Upload]) -> Result<Vec<&'static str>, FieldError> {
    if files.len() > MAX_FILES {
        return Err(FieldError::new(
            "files",
            format!("最多上传 {MAX_FILES} 个附件"),
        ));
    }
    files
        .iter()
        .map(|f| {
            if f.bytes.len() > MAX_FILE_BYTES {
                return Err(FieldError::new(
                    "files",
                    format!("附件“{}”超过 5 MB", f.file_name),
                ));
            }
            check(&f.file_name, &f.bytes)
                .map(|t| t.as_str())
                .map_err(|e| FieldError::new("files", format!("附件“{}”：{e}", f.file_name)))
        })
        .collect()
}

/// The same form sent again: a fresh query code for the letter it made,
/// while nobody has acted on it (the writer saw only the last answer).
async fn again(
    db: &platform::db::Db,
    p: Petition,
    ip: Option<IpAddr>,
) -> Result<Receipt, AppError> {
    if p.status != Status::Registered {
        return Err(AppError::Conflict(format!(
            "该信件已提交（编号 {}），请用编号和查询码查询办理情况",
            p.ref_no
        )));
    }
    let code = query_code();
    let mut tx = db.begin().await?;
    store::set_query_hash(&mut tx, p.id, &digest(&code)).await?;
    let entry = Entry::new(
        "update",
        ENTITY,
        format!("重复提交的信件 {}：重新发放查询码", p.ref_no),
    )
    .id(p.id.0);
    audit::commit(tx, &public(ip), entry).await?;
    Ok(Receipt {
        id: p.id,
        ref_no: p.ref_no,
        query_code: code,
    })
}

/// Sends a letter through the mailbox. `form_id` is the form's own token:
/// a second submission of one form returns the first letter.
pub async fn submit(
    db: &platform::db::Db,
    input: &PetitionInput,
    consent: bool,
    form_id: &str,
    files: &[Upload],
    ip: Option<IpAddr>,
) -> Result<Receipt, AppError> {
    let form_id = form_id.trim();
    if form_id.is_empty() || form_id.chars().count() > MAX_FORM_ID {
        return Err(AppError::BadRequest(
            "表单已失效，请刷新页面后重新填写".into(),
        ));
    }
    let today = platform::time::today();
    let mut errors = Vec::new();
    let draft = input.parse(true, today).map_err(|e| errors.extend(e)).ok();
    if !consent {
        errors.push(FieldError::new("consent", "请阅读并同意个人信息保护说明"));
    }
    let types = check_files(files).map_err(|e| errors.push(e)).ok();
    let (Some(draft), Some(types), true) = (draft, types, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let form_hash = digest(form_id);
    if let Some(p) = store::by_form(db, &form_hash).await? {
        return again(db, p, ip).await;
    }
    let since = platform::time::now() - chrono::Duration::hours(24);
    if store::count_from_phone(db, &draft.phone, since).await? >= MAX_PER_PHONE_PER_DAY {
        return Err(AppError::TooManyRequests(format!(
            "同一手机号 24 小时内最多提交 {MAX_PER_PHONE_PER_DAY} 封信件，请明天再试"
        )));
    }
    let code = query_code();
    let hash = digest(&code);
    let made = async {
        let (mut tx, id, ref_no) = create(
            db,
            &draft,
            NewCase {
                accept_by: today,
                query_hash: &hash,
                form_hash: Some(&form_hash),
                source_ip: ip.map(|i| i.to_string()),
                created_by: None,
            },
        )
        .await?;
        for (f, t) in files.iter().zip(&types) {
            store::insert_file(&mut tx, id, &f.file_name, t, &f.bytes).await?;
        }
        created(tx, &public(ip), &draft, id, &ref_no).await?;
        Ok::<_, AppError>((id, ref_no))
    }
    .await;
    match made {
        Ok((id, ref_no)) => Ok(Receipt {
            id,
            ref_no,
            query_code: code,
        }),
        // The same form, sent twice at once: the other one made the letter.
        Err(AppError::Conflict(_)) => match store::by_form(db, &form_hash).await? {
            Some(p) => again(db, p, ip).await,
            None => Err(AppError::Conflict("提交未成功，请稍后重试".into())),
        },
        Err(e) => Err(e),
    }
}

/// A case found by reference and query code; `NotFound` for any mismatch,
/// so that neither can be guessed apart.
pub async fn follow(db: &platform::db::Db, ref_no: &str, code: &str) -> Result<Petition, AppError> {
    if parse_ref(ref_no).is_none() || code.trim().is_empty() || code.len() > 40 {
        return Err(AppError::NotFound);
    }
    let ref_no = ref_no.trim().to_ascii_uppercase();
    match store::by_ref(db, &ref_no).await? {
        Some((p, hash)) if hash == digest(code) => Ok(p),
        _ => Err(AppError::NotFound),
    }
}

/// The writer's satisfaction with the reply, once.
pub async fn rate(
    db: &platform::db::Db,
    ref_no: &str,
    code: &str,
    satisfaction: Option<Satisfaction>,
    ip: Option<IpAddr>,
) -> Result<Petition, AppError> {
    let p = follow(db, ref_no, code).await?;
    let Some(s) = satisfaction else {
        return Err(AppError::invalid(
            "satisfaction",
            "请选择满意、基本满意或不满意",
        ));
    };
    let to = next(p.status, Step::Rate).map_err(|_| {
        AppError::Conflict(match p.status {
            Status::Rated => "您已评价过该答复，每件只能评价一次".to_string(),
            _ => "答复之后才能评价".to_string(),
        })
    })?;
    let mut tx = db.begin().await?;
    let cols = vec![("satisfaction", platform::db::Arg::from(s))];
    if store::transition(&mut tx, p.id, p.status, to, cols).await? != 1 {
        return Err(AppError::Conflict(
            "您已评价过该答复，每件只能评价一次".into(),
        ));
    }
    let entry = Entry::new(
        "update",
        ENTITY,
        format!("{}：信访人评价“{}”", p.ref_no, s.label()),
    )
    .id(p.id.0)
    .after(&serde_json::json!({ "satisfaction": s, "status": to }));
    audit::commit(tx, &public(ip), entry).await?;
    Ok(Petition {
        status: to,
        satisfaction: Some(s),
        ..p
    })
}

/// The replies published, newest first: only their edited copies leave
/// this function.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PublishedReply {
    pub ref_no: String,
    pub topic: crate::domain::petitions::Topic,
    pub subject: String,
    pub text: String,
    pub replied_on: Option<chrono::NaiveDate>,
}

pub async fn published(db: &platform::db::Db) -> Result<Vec<PublishedReply>, AppError> {
    Ok(store::published(db, 200)
        .await?
        .into_iter()
        .map(|p| PublishedReply {
            ref_no: p.ref_no,
            topic: p.topic,
            subject: p.public_subject,
            text: p.public_text,
            replied_on: p.replied_on,
        })
        .collect())
}

/// A unique key refused: taken for the same form sent twice at once.
pub(super) fn unique_to_conflict(e: DbError) -> AppError {
    match e {
        DbError::Unique(w) => AppError::Conflict(w),
        e => e.into(),
    }
}
