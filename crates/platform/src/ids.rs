//! Typed identifiers, so an institution id can never be passed where a user
//! id is expected.

#[macro_export]
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::Type, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[sqlx(transparent)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl From<$name> for $crate::db::Arg {
            fn from(v: $name) -> Self {
                $crate::db::Arg::Int(Some(v.0))
            }
        }
        impl $crate::db::TypedId for $name {
            fn raw(self) -> i64 {
                self.0
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    };
}

crate::typed_id!(
    /// An institution (机构): school, kindergarten, centre.
    InstitutionId
);
crate::typed_id!(
    /// A user account.
    UserId
);
crate::typed_id!(
    /// A township or street (乡镇/街道) of the district.
    TownshipId
);
