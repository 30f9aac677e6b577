//! Pure rules of construction projects (建设项目): what a project needs,
//! the order its phases go in, funding, contracts and payments, and how the
//! timeline lays phases out.

mod funding;
mod input;
mod phases;
mod timeline;

pub use funding::{check_budget_line, check_contract, check_payment, wan_label, FundingSource};
pub use input::{NewProject, ProjectInput};
pub use phases::{check_phase, delivers_school, is_late, PhaseDates};
pub use timeline::{Bar, Window};

platform::typed_id!(
    /// A 建设项目.
    ProjectId
);

platform::typed_id!(
    /// A contract (合同) of a project.
    ContractId
);
