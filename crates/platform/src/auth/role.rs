use serde::{Deserialize, Serialize};

/// The bureau's work areas (see DOMAIN.md), as far as permissions need to
/// name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkArea {
    Institutions,
    Students,
    Dropout,
    Admissions,
    Aid,
    Teachers,
    Construction,
    Supervision,
    PrivateEducation,
    Safety,
    Exams,
    Fitness,
    Lifelong,
    PublicService,
    Plans,
    Statistics,
    Audit,
    /// 账号管理: the bureau's user accounts.
    Accounts,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// 局机关科室: a section of the bureau, owning some work areas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 基教科
    BasicEducation,
    /// 学前科
    Preschool,
    /// 职成科
    VocationalAdult,
    /// 人事科
    Personnel,
    /// 计财科
    Finance,
    /// 督导室
    Supervision,
    /// 安全科
    Safety,
    /// 资助中心
    AidCentre,
    /// 民办教育科
    PrivateEducation,
    /// 信息中心
    Information,
    /// 招考中心
    ExamsCentre,
    /// 办公室: notices, the director's mailbox and petitions, disclosure and
    /// official documents.
    Office,
}

impl Section {
    pub const ALL: [Section; 12] = [
        Section::BasicEducation,
        Section::Preschool,
        Section::VocationalAdult,
        Section::Personnel,
        Section::Finance,
        Section::Supervision,
        Section::Safety,
        Section::AidCentre,
        Section::PrivateEducation,
        Section::Information,
        Section::ExamsCentre,
        Section::Office,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::BasicEducation => "基教科",
            Section::Preschool => "学前科",
            Section::VocationalAdult => "职成科",
            Section::Personnel => "人事科",
            Section::Finance => "计财科",
            Section::Supervision => "督导室",
            Section::Safety => "安全科",
            Section::AidCentre => "资助中心",
            Section::PrivateEducation => "民办教育科",
            Section::Information => "信息中心",
            Section::ExamsCentre => "招考中心",
            Section::Office => "办公室",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Section::BasicEducation => "basic_education",
            Section::Preschool => "preschool",
            Section::VocationalAdult => "vocational_adult",
            Section::Personnel => "personnel",
            Section::Finance => "finance",
            Section::Supervision => "supervision",
            Section::Safety => "safety",
            Section::AidCentre => "aid_centre",
            Section::PrivateEducation => "private_education",
            Section::Information => "information",
            Section::ExamsCentre => "exams_centre",
            Section::Office => "office",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The work areas this section keeps: the only ones it writes in.
    pub fn writes(self) -> &'static [WorkArea] {
        use WorkArea::*;
        match self {
            Section::BasicEducation => &[Institutions, Students, Dropout, Admissions, Exams],
            Section::Preschool => &[Institutions, Students, Aid],
            Section::VocationalAdult => &[Institutions, Lifelong, Students],
            Section::Personnel => &[Teachers],
            Section::Finance => &[Aid, Construction],
            Section::Supervision => &[Supervision, PrivateEducation],
            Section::Safety => &[Safety, Construction],
            Section::AidCentre => &[Aid],
            Section::PrivateEducation => &[PrivateEducation],
            Section::Information => &[Statistics, Plans, Accounts],
            Section::ExamsCentre => &[Admissions, Exams, Fitness],
            Section::Office => &[PublicService],
        }
    }

    /// The work areas this section reads for its own work, besides those it
    /// writes in and what every section reads ([`Section::COMMON_READS`]):
    /// 资助中心 checks aid against the student records it does not keep.
    pub fn reads(self) -> &'static [WorkArea] {
        match self {
            Section::AidCentre => &[WorkArea::Students],
            _ => &[],
        }
    }

    /// What every section reads: the institutions registry and the
    /// published statistics.
    pub const COMMON_READS: [WorkArea; 2] = [WorkArea::Institutions, WorkArea::Statistics];

    /// Whether this section may read or write `area`.
    pub fn may(self, area: WorkArea, access: Access) -> bool {
        let reads = || self.reads().contains(&area) || Section::COMMON_READS.contains(&area);
        self.writes().contains(&area) || (access == Access::Read && reads())
    }
}

/// What kind of user an account is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", content = "section", rename_all = "snake_case")]
pub enum Role {
    /// 局领导: sees and may do everything, reads the audit log.
    Leadership,
    /// 局机关科室: its work areas, across all institutions.
    Section(Section),
    /// 督学: reads every area, writes supervision.
    Inspector,
    /// 学校/幼儿园管理员: only its own institution.
    Institution,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Leadership => "leadership",
            Role::Section(_) => "section",
            Role::Inspector => "inspector",
            Role::Institution => "institution",
        }
    }

    pub fn label(self) -> String {
        match self {
            Role::Leadership => "局领导".into(),
            Role::Section(s) => format!("科室人员（{}）", s.label()),
            Role::Inspector => "督学".into(),
            Role::Institution => "学校管理员".into(),
        }
    }

    pub fn from_parts(role: &str, section: Option<&str>) -> Option<Role> {
        match role {
            "leadership" => Some(Role::Leadership),
            "section" => section.and_then(Section::from_key).map(Role::Section),
            "inspector" => Some(Role::Inspector),
            "institution" => Some(Role::Institution),
            _ => None,
        }
    }

    /// Whether this role may read or write a work area at all. Which
    /// institutions' records it sees is the separate question of [`super::Scope`].
    pub fn may(self, area: WorkArea, access: Access) -> bool {
        use WorkArea::*;
        match self {
            Role::Leadership => true,
            Role::Section(s) => s.may(area, access),
            Role::Inspector => match access {
                Access::Read => !matches!(area, Audit | Accounts),
                Access::Write => area == Supervision,
            },
            // An institution keeps its own records in the areas schools report
            // into; the scope limits it to its own institution.
            Role::Institution => match area {
                Institutions | Students | Dropout | Aid | Teachers | Safety | Fitness | Exams
                | Lifelong | PublicService => true,
                Supervision | Construction | PrivateEducation => access == Access::Read,
                _ => false,
            },
        }
    }

    /// Whether this role sees national ID numbers and home addresses in full.
    pub fn sees_personal_details(self) -> bool {
        match self {
            Role::Leadership | Role::Institution => true,
            // 人事科 keeps the staff records, which are keyed by national ID.
            Role::Section(s) => matches!(
                s,
                Section::BasicEducation
                    | Section::AidCentre
                    | Section::Preschool
                    | Section::Personnel
            ),
            Role::Inspector => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_leadership_reads_the_audit_log() {
        assert!(Role::Leadership.may(WorkArea::Audit, Access::Read));
        assert!(!Role::Inspector.may(WorkArea::Audit, Access::Read));
        assert!(!Role::Institution.may(WorkArea::Audit, Access::Read));
        for s in Section::ALL {
            assert!(!Role::Section(s).may(WorkArea::Audit, Access::Read));
        }
    }

    #[test]
    fn only_leadership_and_the_information_centre_manage_accounts() {
        let who = |r: Role| r.may(WorkArea::Accounts, Access::Read);
        assert!(who(Role::Leadership));
        assert!(Role::Section(Section::Information).may(WorkArea::Accounts, Access::Write));
        assert!(!who(Role::Inspector));
        assert!(!who(Role::Institution));
        for s in Section::ALL
            .into_iter()
            .filter(|s| *s != Section::Information)
        {
            assert!(!who(Role::Section(s)), "{s:?}");
        }
    }

    #[test]
    fn sections_write_only_their_areas() {
        let aid = Role::Section(Section::AidCentre);
        assert!(aid.may(WorkArea::Aid, Access::Write));
        assert!(!aid.may(WorkArea::Institutions, Access::Write));
        assert!(aid.may(WorkArea::Institutions, Access::Read));
        assert!(!aid.may(WorkArea::Teachers, Access::Read));
    }

    #[test]
    fn aid_centre_reads_students_but_writes_aid_only() {
        let aid = Role::Section(Section::AidCentre);
        assert!(aid.may(WorkArea::Students, Access::Read));
        assert!(!aid.may(WorkArea::Students, Access::Write));
        assert!(!aid.may(WorkArea::Dropout, Access::Read));
        let private = Role::Section(Section::PrivateEducation);
        assert!(private.may(WorkArea::Institutions, Access::Read));
        assert!(!private.may(WorkArea::Institutions, Access::Write));
        assert!(private.may(WorkArea::PrivateEducation, Access::Write));
    }

    #[test]
    fn a_section_writes_only_what_it_also_reads() {
        for s in Section::ALL {
            for a in s.writes() {
                assert!(s.may(*a, Access::Read), "{s:?} {a:?}");
            }
            for a in s.reads() {
                assert!(!s.writes().contains(a), "{s:?} lists {a:?} twice");
            }
        }
    }

    #[test]
    fn personnel_sees_the_id_numbers_staff_records_are_keyed_by() {
        assert!(Role::Section(Section::Personnel).sees_personal_details());
        assert!(!Role::Section(Section::Finance).sees_personal_details());
        assert!(!Role::Inspector.sees_personal_details());
    }

    #[test]
    fn section_keys_round_trip() {
        for s in Section::ALL {
            assert_eq!(Section::from_key(s.key()), Some(s));
            assert_eq!(
                Role::from_parts("section", Some(s.key())),
                Some(Role::Section(s))
            );
        }
        assert_eq!(Role::from_parts("section", None), None);
        assert_eq!(Role::from_parts("root", None), None);
    }
}
