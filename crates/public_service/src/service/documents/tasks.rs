//! What official documents put in the inbox, for those who act on them:
//! drafts to review (the drafting section's other staff and the 办公室),
//! documents to sign and incoming ones to instruct (leadership), incoming
//! ones to propose (the 办公室), incoming ones the section handles and
//! those overdue, documents an institution has to sign for, and issued
//! documents with receipts overdue (their drafting section, the 办公室).

use platform::area::Task;
use platform::auth::{Caller, Role, Section};
use platform::db::Db;
use platform::AppError;

use crate::domain::documents::{DocStatus, IncomingStatus, Viewer};
use crate::service::pending::task;
use crate::store::documents::{self as store, incoming, recipients};

const OUTGOING: &str = "/public/documents";
const INCOMING: &str = "/public/documents/incoming";

fn href(base: &str, query: &str) -> String {
    format!("{base}?{query}")
}

pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let me = caller.who.user_id.map(|u| u.0);
    let today = platform::time::today();
    let mut out = Vec::new();
    if let Viewer::Institution(own) = super::viewer(caller) {
        let n = recipients::unsigned_by(db, own).await?;
        out.push(task(
            "公文待签收".into(),
            n,
            href(OUTGOING, "unsigned=true"),
        ));
        return Ok(out);
    }
    let Some(section) = Viewer::drafting_section(caller.role) else {
        return Ok(out);
    };
    let office = section == Section::Office;
    if caller.role == Role::Leadership {
        let n = store::count_waiting(db, DocStatus::Sign, None, me).await?;
        out.push(task("公文待签发".into(), n, href(OUTGOING, "status=sign")));
        let n = incoming::count_at(db, IncomingStatus::Proposed, None, None).await?;
        out.push(task(
            "收文待批示".into(),
            n,
            href(INCOMING, "status=proposed"),
        ));
        return Ok(out);
    }
    let own = (!office).then_some(section.key());
    let n = store::count_waiting(db, DocStatus::Review, own, me).await?;
    out.push(task(
        "公文待核稿".into(),
        n,
        href(OUTGOING, "status=review"),
    ));
    if office {
        let n = incoming::count_at(db, IncomingStatus::Registered, None, None).await?;
        out.push(task(
            "收文待拟办".into(),
            n,
            href(INCOMING, "status=registered"),
        ));
    }
    let n = incoming::count_at(
        db,
        IncomingStatus::Handling,
        Some(section.key()),
        Some(today),
    )
    .await?;
    out.push(task(
        "承办收文已逾期".into(),
        n,
        href(INCOMING, "overdue=true"),
    ));
    let n = recipients::overdue_documents(db, own, today).await?;
    out.push(task(
        "发文逾期未签收".into(),
        n,
        href(OUTGOING, "unsigned=true"),
    ));
    Ok(out)
}
