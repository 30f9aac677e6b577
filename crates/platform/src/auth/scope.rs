use crate::db::Sql;
use crate::ids::InstitutionId;

/// Which institutions' records a user may see. Every storage query over
/// institution-owned records takes a `Scope` and adds its filter, so a
/// school user asking for another school's record by id finds nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Bureau users: every institution.
    All,
    /// Institution staff: their own institution only.
    Institution(InstitutionId),
}

impl Scope {
    /// Appends ` AND <column> = <own institution>` for a scoped user; nothing
    /// for bureau users. `column` is a trusted column name, never user input.
    pub fn restrict(&self, sql: Sql, column: &str) -> Sql {
        match self {
            Scope::All => sql,
            Scope::Institution(id) => sql.push(" AND ").push(column).push(" = ").bind(*id),
        }
    }

    pub fn allows(&self, institution: InstitutionId) -> bool {
        match self {
            Scope::All => true,
            Scope::Institution(own) => *own == institution,
        }
    }

    pub fn institution(&self) -> Option<InstitutionId> {
        match self {
            Scope::All => None,
            Scope::Institution(id) => Some(*id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institution_scope_adds_a_bound_filter() {
        let q = Scope::Institution(InstitutionId(7))
            .restrict(Sql::new("SELECT * FROM t WHERE 1=1"), "t.institution_id");
        assert_eq!(
            q.text(),
            "SELECT * FROM t WHERE 1=1 AND t.institution_id = $1"
        );
        let q = Scope::All.restrict(Sql::new("SELECT 1"), "x");
        assert_eq!(q.text(), "SELECT 1");
    }
}
