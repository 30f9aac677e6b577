//! Status enums stored as text: one macro gives each its database key,
//! Chinese label, parsing, serde as the key, and the sqlx mapping that
//! decodes the same TEXT column on SQLite and PostgreSQL.

/// Declares a `Copy` enum whose variants are stored and serialized as
/// their key (`"active"`), shown as their Chinese label (`"在读"`).
///
/// ```
/// platform::text_enum! {
///     /// A light.
///     pub enum Light {
///         Red = "red" "红灯",
///         Green = "green" "绿灯",
///     }
/// }
/// assert_eq!(Light::parse("red"), Some(Light::Red));
/// assert_eq!(Light::Green.label(), "绿灯");
/// ```
/// What every [`text_enum!`] enum offers, for code generic over them.
pub trait TextEnum: Copy + PartialEq + std::fmt::Debug + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn label(self) -> &'static str;
    fn parse(s: &str) -> Option<Self>;
}

/// Panics unless every variant of `E` parses back from its key and from its
/// label (so no two variants share either): the check each declaration's
/// tests make.
pub fn assert_keys_and_labels_parse_back<E: TextEnum>() {
    for v in E::ALL {
        assert_eq!(E::parse(v.as_str()), Some(*v), "key of {v:?}");
        assert_eq!(E::parse(v.label()), Some(*v), "label of {v:?}");
    }
}

#[macro_export]
macro_rules! text_enum {
    ($(#[$doc:meta])* pub enum $name:ident {
        $($(#[$vdoc:meta])* $variant:ident = $key:literal $label:literal),+ $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $key)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key stored in the database and used in JSON and URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The Chinese label shown to users.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The variant of a key or a Chinese label (surrounding spaces ignored).
            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s || v.label() == s)
            }
        }

        impl $crate::text_enum::TextEnum for $name {
            const ALL: &'static [$name] = $name::ALL;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn parse(s: &str) -> Option<$name> {
                $name::parse(s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<$name> for $crate::db::Arg {
            fn from(v: $name) -> Self {
                $crate::db::Arg::Text(Some(v.as_str().into()))
            }
        }

        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }
            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let s = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| format!("unknown {} {s:?}", stringify!($name)).into())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::text_enum! {
        /// A test enum.
        pub enum Light {
            /// Stop.
            Red = "red" "红灯",
            Green = "green" "绿灯",
        }
    }

    #[test]
    fn keys_and_labels_parse_back() {
        super::assert_keys_and_labels_parse_back::<Light>();
        assert_eq!(Light::parse(" red "), Some(Light::Red));
        assert_eq!(Light::parse("blue"), None);
        assert_eq!(serde_json::to_string(&Light::Green).unwrap(), "\"green\"");
        assert_eq!(
            serde_json::from_str::<Light>("\"red\"").unwrap(),
            Light::Red
        );
    }
}
