//! Closure of a private institution (终止办学): every pupil placed before
//! the closure is final.

platform::typed_id!(
    /// A closure of a private institution.
    ClosureId
);

/// Why a pupil's destination or the closure is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClosureError {
    #[error("去向不能是被终止办学的学校本身")]
    SameInstitution,
    #[error("请选择转入学校，或填写去向说明")]
    NoDestination,
    #[error("还有 {0} 名学生未安置去向，不能完成终止办学")]
    Unplaced(usize),
    #[error("终止办学已完成，不能再变更")]
    Final,
}

/// Checks one pupil's destination: an institution other than the closing
/// one, or a note (moved away, left the district).
pub fn check_destination(
    closing: i64,
    destination: Option<i64>,
    note: &str,
) -> Result<(), ClosureError> {
    match destination {
        Some(d) if d == closing => Err(ClosureError::SameInstitution),
        Some(_) => Ok(()),
        None if note.trim().is_empty() => Err(ClosureError::NoDestination),
        None => Ok(()),
    }
}

/// Checks that the closure may become final: every pupil placed.
pub fn check_final(placed: &[bool]) -> Result<(), ClosureError> {
    match placed.iter().filter(|p| !**p).count() {
        0 => Ok(()),
        n => Err(ClosureError::Unplaced(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_destination_is_another_institution_or_a_note() {
        assert_eq!(check_destination(7, Some(8), ""), Ok(()));
        assert_eq!(
            check_destination(7, Some(7), "x"),
            Err(ClosureError::SameInstitution)
        );
        assert_eq!(check_destination(7, None, "随父母迁往外省"), Ok(()));
        assert_eq!(
            check_destination(7, None, "  "),
            Err(ClosureError::NoDestination)
        );
    }

    #[test]
    fn final_only_when_everyone_is_placed() {
        assert_eq!(check_final(&[]), Ok(()));
        assert_eq!(check_final(&[true, true]), Ok(()));
        assert_eq!(
            check_final(&[true, false, false]),
            Err(ClosureError::Unplaced(2))
        );
        assert_eq!(
            ClosureError::Unplaced(2).to_string(),
            "还有 2 名学生未安置去向，不能完成终止办学"
        );
    }
}
