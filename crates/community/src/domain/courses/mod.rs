//! Pure rules of courses (课程), the teachers' pool (师资库), sessions (班次)
//! with their timetable (课表), attendance (考勤), the credit bank (学分银行)
//! and certificates (结业证书). No I/O.

pub mod credits;
pub mod input;
pub mod timetable;

pub use credits::{CertificateLevel, CreditRules};
pub use input::{CourseDraft, CourseInput, SessionDraft, SessionInput, TeacherDraft, TeacherInput};
pub use timetable::{Span, WeeklyRule};

platform::typed_id!(
    /// A course (课程).
    CourseId
);
platform::typed_id!(
    /// A teacher of the pool (师资库).
    TeacherId
);
platform::typed_id!(
    /// A session of a course (班次).
    SessionId
);
platform::typed_id!(
    /// A meeting of a session's timetable (课表中的一次课).
    MeetingId
);
platform::typed_id!(
    /// A certificate (证书).
    CertificateId
);

platform::text_enum! {
    /// The course type of the analytics (课程类别).
    pub enum CourseKind {
        Culture = "culture" "文化素养",
        Health = "health" "健康养生",
        Arts = "arts" "文体艺术",
        Skills = "skills" "职业技能",
        Digital = "digital" "数字素养",
        Parenting = "parenting" "家庭教育",
        Citizenship = "citizenship" "公民素养",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// How a teacher of the pool serves: as a volunteer or paid (志愿/聘用).
    pub enum Engagement {
        Volunteer = "volunteer" "志愿者",
        Paid = "paid" "聘用",
    }
}

platform::text_enum! {
    /// Whether a teacher of the pool is available.
    pub enum TeacherStatus {
        Active = "active" "在库",
        Inactive = "inactive" "停用",
    }
}
