//! Status vocabularies stored as text: one enum per status column, read
//! and written as the same lowercase words the database and the API use.

/// Declares a status enum: `Variant = "key" / "中文标签"` per line. The
/// enum serialises as its key, decodes from a text column on SQLite and
/// PostgreSQL alike (an unknown word is a decode error), binds as its key,
/// and gives `as_str()`, `label()` and `parse()`.
#[macro_export]
macro_rules! status_enum {
    ($(#[$doc:meta])* $name:ident {
        $($(#[$vdoc:meta])* $variant:ident = $key:literal / $label:literal,)+
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $key)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word stored in the database and used in the API.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The Chinese name shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<$name> for $crate::db::Arg {
            fn from(v: $name) -> Self {
                $crate::db::Arg::Text(Some(v.as_str().to_string()))
            }
        }

        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            String: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <String as sqlx::Type<DB>>::type_info()
            }
            fn compatible(ty: &DB::TypeInfo) -> bool {
                <String as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            String: sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let s = <String as sqlx::Decode<'r, DB>>::decode(value)?;
                $name::parse(&s)
                    .ok_or_else(|| format!("unknown {}: {s:?}", stringify!($name)).into())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::status_enum!(
        /// A test vocabulary.
        Light {
            Red = "red" / "红",
            Green = "green" / "绿",
        }
    );

    #[test]
    fn keys_labels_and_json_agree() {
        for l in Light::ALL {
            assert_eq!(Light::parse(l.as_str()), Some(*l));
            assert_eq!(serde_json::to_value(l).unwrap(), l.as_str());
        }
        assert_eq!(Light::Green.label(), "绿");
        assert_eq!(Light::parse("blue"), None);
    }
}
