//! JSON API of courses, the teachers' pool, sessions, timetable, desk
//! enrolment, attendance, the credit ledger and certificates under
//! /api/v1/community.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use chrono::NaiveDate;
use platform::auth::Caller;
use platform::error::ErrorBody;
use platform::web::json::created;
use platform::web::AppState;
use platform::ApiResult;
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::domain::courses::CreditRules;
use crate::domain::courses::{
    CertificateId, CourseId, CourseInput, MeetingId, SessionId, SessionInput, TeacherInput,
};
use crate::service::courses::{
    self as service, AdjustmentInput, AttendanceInput, EnrolInput, Ledger, MeetingInput,
    RecognitionInput, Roll, RulesInput, SessionDetail, SessionLine,
};
use crate::store::courses::attendance::RollLine;
use crate::store::courses::credits::{Booking, Certificate};
use crate::store::courses::sessions::{Meeting, SessionFilter};
use crate::store::courses::{Course, Teacher};

#[derive(OpenApi)]
#[openapi(
    paths(
        courses,
        create_course,
        teachers,
        create_teacher,
        sessions,
        create_session,
        session,
        add_meeting,
        edit_meeting,
        enrol,
        roll,
        mark,
        convert,
        certify,
        ledger,
        recognise,
        adjust,
        certificate
    ),
    components(schemas(
        Course,
        CourseInput,
        Teacher,
        TeacherInput,
        SessionLine,
        SessionDetail,
        SessionInput,
        Meeting,
        MeetingInput,
        EnrolInput,
        Roll,
        RollLine,
        AttendanceInput,
        Ledger,
        Booking,
        Certificate,
        RecognitionInput,
        AdjustmentInput,
        Done,
        ErrorBody
    ))
)]
pub struct ApiDoc;

/// How many records an action wrote.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Done {
    pub count: u64,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct SchoolQuery {
    institution_id: Option<i64>,
}

/// The courses in scope.
#[utoipa::path(get, path = "/api/v1/community/courses", tag = "community", params(SchoolQuery),
    responses((status = 200, body = [Course])))]
pub async fn courses(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<SchoolQuery>,
) -> ApiResult<Json<Vec<Course>>> {
    Ok(Json(
        service::courses(&s.db, &caller, q.institution_id).await?,
    ))
}

/// Add a course (a school its own; the 职成科 names the school).
#[utoipa::path(post, path = "/api/v1/community/courses", tag = "community", request_body = CourseInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody)))]
pub async fn create_course(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<CourseInput>,
) -> ApiResult<Response> {
    created(service::create_course(&s.db, &caller, &input).await?)
}

/// The teachers' pool (phones masked).
#[utoipa::path(get, path = "/api/v1/community/teachers", tag = "community", params(SchoolQuery),
    responses((status = 200, body = [Teacher])))]
pub async fn teachers(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<SchoolQuery>,
) -> ApiResult<Json<Vec<Teacher>>> {
    Ok(Json(
        service::teachers(&s.db, &caller, q.institution_id).await?,
    ))
}

/// Add a teacher to the pool.
#[utoipa::path(post, path = "/api/v1/community/teachers", tag = "community", request_body = TeacherInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody)))]
pub async fn create_teacher(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<TeacherInput>,
) -> ApiResult<Response> {
    created(service::create_teacher(&s.db, &caller, &input).await?)
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct SessionsQuery {
    institution_id: Option<i64>,
    course_id: Option<i64>,
    /// Only sessions running on or after this day.
    from: Option<NaiveDate>,
}

/// Sessions with their places left, newest first.
#[utoipa::path(get, path = "/api/v1/community/sessions", tag = "community", params(SessionsQuery),
    responses((status = 200, body = [SessionLine])))]
pub async fn sessions(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<SessionsQuery>,
) -> ApiResult<Json<Vec<SessionLine>>> {
    let f = SessionFilter {
        institution: q.institution_id,
        course: q.course_id.map(CourseId),
        from: q.from,
    };
    Ok(Json(service::sessions(&s.db, &caller, f).await?))
}

/// Open a session of a course; a weekly rule generates its timetable.
#[utoipa::path(post, path = "/api/v1/community/sessions", tag = "community", request_body = SessionInput,
    responses((status = 201, body = i64), (status = 422, body = ErrorBody)))]
pub async fn create_session(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<SessionInput>,
) -> ApiResult<Response> {
    created(service::create_session(&s.db, &caller, &input).await?)
}

/// A session with its timetable.
#[utoipa::path(get, path = "/api/v1/community/sessions/{id}", tag = "community", params(("id" = i64, Path)),
    responses((status = 200, body = SessionDetail), (status = 404, body = ErrorBody)))]
pub async fn session(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> ApiResult<Json<SessionDetail>> {
    Ok(Json(service::session(&s.db, &caller, id).await?))
}

/// Add one meeting to the timetable (not overlapping another).
#[utoipa::path(post, path = "/api/v1/community/sessions/{id}/meetings", tag = "community", params(("id" = i64, Path)),
    request_body = MeetingInput, responses((status = 201, body = i64), (status = 422, body = ErrorBody)))]
pub async fn add_meeting(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
    Json(input): Json<MeetingInput>,
) -> ApiResult<Response> {
    created(service::add_meeting(&s.db, &caller, id, &input).await?)
}

/// Move one meeting (调课).
#[utoipa::path(put, path = "/api/v1/community/meetings/{id}", tag = "community", params(("id" = i64, Path)),
    request_body = MeetingInput, responses((status = 200, body = Done), (status = 422, body = ErrorBody)))]
pub async fn edit_meeting(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<MeetingId>,
    Json(input): Json<MeetingInput>,
) -> ApiResult<Json<Done>> {
    service::edit_meeting(&s.db, &caller, id, &input).await?;
    Ok(Json(Done { count: 1 }))
}

/// Enrol a card at the desk (refused when full or enrolled already).
#[utoipa::path(post, path = "/api/v1/community/sessions/{id}/enrolments", tag = "community", params(("id" = i64, Path)),
    request_body = EnrolInput, responses((status = 200, body = Done), (status = 409, body = ErrorBody)))]
pub async fn enrol(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
    Json(input): Json<EnrolInput>,
) -> ApiResult<Json<Done>> {
    service::enrol_at_desk(&s.db, &caller, id, &input).await?;
    Ok(Json(Done { count: 1 }))
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct RollQuery {
    /// Whose presence to show.
    meeting_id: Option<i64>,
}

/// A session's roll: the enrolled cards with their attendance.
#[utoipa::path(get, path = "/api/v1/community/sessions/{id}/roll", tag = "community", params(("id" = i64, Path), RollQuery),
    responses((status = 200, body = Roll), (status = 404, body = ErrorBody)))]
pub async fn roll(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
    Query(q): Query<RollQuery>,
) -> ApiResult<Json<Roll>> {
    Ok(Json(
        service::roll(&s.db, &caller, id, q.meeting_id.map(MeetingId)).await?,
    ))
}

/// Mark a card present at a meeting.
#[utoipa::path(post, path = "/api/v1/community/meetings/{id}/attendance", tag = "community", params(("id" = i64, Path)),
    request_body = AttendanceInput, responses((status = 200, body = Done), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn mark(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<MeetingId>,
    Json(input): Json<AttendanceInput>,
) -> ApiResult<Json<Done>> {
    service::mark(&s.db, &caller, id, &input).await?;
    Ok(Json(Done { count: 1 }))
}

/// Convert an ended session's hours to credits (once per card).
#[utoipa::path(post, path = "/api/v1/community/sessions/{id}/credits", tag = "community", params(("id" = i64, Path)),
    responses((status = 200, body = Done), (status = 409, body = ErrorBody)))]
pub async fn convert(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> ApiResult<Json<Done>> {
    Ok(Json(Done {
        count: service::convert_session(&s.db, &caller, id).await?,
    }))
}

/// Issue an ended session's certificates to the cards that earned them.
#[utoipa::path(post, path = "/api/v1/community/sessions/{id}/certificates", tag = "community", params(("id" = i64, Path)),
    responses((status = 200, body = Done), (status = 409, body = ErrorBody)))]
pub async fn certify(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<SessionId>,
) -> ApiResult<Json<Done>> {
    Ok(Json(Done {
        count: service::issue_certificates(&s.db, &caller, id).await?,
    }))
}

/// A card's credit ledger (学分银行账户).
#[utoipa::path(get, path = "/api/v1/community/ledger/{card_id}", tag = "community", params(("card_id" = i64, Path)),
    responses((status = 200, body = Ledger), (status = 404, body = ErrorBody)))]
pub async fn ledger(
    State(s): State<AppState>,
    caller: Caller,
    Path(card): Path<i64>,
) -> ApiResult<Json<Ledger>> {
    Ok(Json(service::ledger(&s.db, &caller, card).await?))
}

/// Recognise an outside certificate for a card.
#[utoipa::path(post, path = "/api/v1/community/ledger/{card_id}/recognitions", tag = "community", params(("card_id" = i64, Path)),
    request_body = RecognitionInput, responses((status = 201, body = i64), (status = 409, body = ErrorBody)))]
pub async fn recognise(
    State(s): State<AppState>,
    caller: Caller,
    Path(card): Path<i64>,
    Json(input): Json<RecognitionInput>,
) -> ApiResult<Response> {
    created(service::recognise(&s.db, &caller, card, &input).await?)
}

/// Adjust a card's credits with a reason.
#[utoipa::path(post, path = "/api/v1/community/ledger/{card_id}/adjustments", tag = "community", params(("card_id" = i64, Path)),
    request_body = AdjustmentInput, responses((status = 200, body = Done), (status = 422, body = ErrorBody)))]
pub async fn adjust(
    State(s): State<AppState>,
    caller: Caller,
    Path(card): Path<i64>,
    Json(input): Json<AdjustmentInput>,
) -> ApiResult<Json<Done>> {
    service::adjust(&s.db, &caller, card, &input).await?;
    Ok(Json(Done { count: 1 }))
}

/// A certificate.
#[utoipa::path(get, path = "/api/v1/community/certificates/{id}", tag = "community", params(("id" = i64, Path)),
    responses((status = 200, body = Certificate), (status = 404, body = ErrorBody)))]
pub async fn certificate(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<CertificateId>,
) -> ApiResult<Json<Certificate>> {
    Ok(Json(service::certificate(&s.db, &caller, id).await?))
}

/// The credit rules (学分转换规则) in force.
#[utoipa::path(get, path = "/api/v1/community/credit-rules", tag = "community",
    responses((status = 200, body = CreditRules)))]
pub async fn credit_rules(
    State(s): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<CreditRules>> {
    caller.require(
        platform::auth::WorkArea::Lifelong,
        platform::auth::Access::Read,
    )?;
    Ok(Json(service::rules(&s.db).await?))
}

/// Change the credit rules (the 职成科).
#[utoipa::path(put, path = "/api/v1/community/credit-rules", tag = "community", request_body = RulesInput,
    responses((status = 200, body = CreditRules), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn set_credit_rules(
    State(s): State<AppState>,
    caller: Caller,
    Json(input): Json<RulesInput>,
) -> ApiResult<Json<CreditRules>> {
    Ok(Json(service::set_rules(&s.db, &caller, &input).await?))
}
