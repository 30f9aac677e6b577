use chrono::{DateTime, NaiveDate, Utc};

/// `text` with `\` escaping the wildcards typed in it (for
/// `LIKE $n ESCAPE '\'`).
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A `LIKE` pattern that finds `text` anywhere.
fn contains_pattern(text: &str) -> String {
    format!("%{}%", escape_like(text))
}

/// A bound query argument. Each variant carries its own SQL type so that a
/// NULL is typed too (PostgreSQL refuses an untyped NULL in some positions).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
    Date(Option<NaiveDate>),
    Time(Option<DateTime<Utc>>),
}

macro_rules! arg_from {
    ($variant:ident, $t:ty) => {
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::$variant(Some(v.into()))
            }
        }
        impl From<Option<$t>> for Arg {
            fn from(v: Option<$t>) -> Self {
                Arg::$variant(v.map(Into::into))
            }
        }
    };
}
arg_from!(Int, i64);
arg_from!(Int, i32);
arg_from!(Int, u32);
arg_from!(Text, String);
arg_from!(Text, &str);
arg_from!(Bool, bool);
arg_from!(Date, NaiveDate);
arg_from!(Time, DateTime<Utc>);

/// A typed id (see `platform::typed_id!`), bound as its integer.
pub trait TypedId: Copy {
    fn raw(self) -> i64;
}

impl<T: TypedId> From<Option<T>> for Arg {
    fn from(v: Option<T>) -> Self {
        Arg::Int(v.map(TypedId::raw))
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(Some(v.clone()))
    }
}
impl From<&Option<String>> for Arg {
    fn from(v: &Option<String>) -> Self {
        Arg::Text(v.clone())
    }
}

/// A query under construction: SQL text plus its arguments. `bind` appends a
/// `$n` placeholder at the current position, so dynamic filters never splice
/// user input into the text.
#[derive(Clone, Debug, Default)]
pub struct Sql {
    pub(crate) text: String,
    pub(crate) args: Vec<Arg>,
}

impl Sql {
    pub fn new(text: impl Into<String>) -> Self {
        Sql {
            text: text.into(),
            args: Vec::new(),
        }
    }

    /// Appends raw SQL text (never user input).
    pub fn push(mut self, text: &str) -> Self {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder for `value`.
    pub fn bind(mut self, value: impl Into<Arg>) -> Self {
        self.args.push(value.into());
        self.text.push('$');
        self.text.push_str(&self.args.len().to_string());
        self
    }

    /// Adds an argument for a placeholder already written in the text
    /// (`$1`, `$2`, … in order).
    pub fn arg(mut self, value: impl Into<Arg>) -> Self {
        self.args.push(value.into());
        self
    }

    /// Appends `, ` separated placeholders for `values` (for `IN (…)`).
    pub fn bind_list<T: Into<Arg>>(mut self, values: impl IntoIterator<Item = T>) -> Self {
        for (i, v) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self = self.bind(v);
        }
        self
    }

    /// Appends ` AND (c1 LIKE $n ESCAPE '\' OR c2 LIKE …)`: one of `columns`
    /// (constants, never user input) contains `text` as typed, wildcards
    /// included.
    pub fn and_any_contains(mut self, columns: &[&str], text: &str) -> Self {
        let pattern = contains_pattern(text);
        for (i, column) in columns.iter().enumerate() {
            self = self
                .push(if i == 0 { " AND (" } else { " OR " })
                .push(column)
                .push(" LIKE ")
                .bind(pattern.as_str())
                .push(" ESCAPE '\\'");
        }
        if columns.is_empty() {
            self
        } else {
            self.push(")")
        }
    }

    /// Appends ` AND column LIKE $n ESCAPE '\'`: `column` (a constant, never
    /// user input) starts with `text` as typed, wildcards included.
    pub fn and_starts_with(self, column: &str, text: &str) -> Self {
        self.push(" AND ")
            .push(column)
            .push(" LIKE ")
            .bind(format!("{}%", escape_like(text)))
            .push(" ESCAPE '\\'")
    }

    /// Appends ` LIMIT $n OFFSET $m` (a page of a list).
    pub fn limit(self, limit: i64, offset: i64) -> Self {
        self.push(" LIMIT ")
            .bind(limit)
            .push(" OFFSET ")
            .bind(offset)
    }

    /// Puts text around the whole query (e.g. to count a subquery); the
    /// placeholders keep their numbers.
    pub fn wrap(mut self, prefix: &str, suffix: &str) -> Self {
        self.text = format!("{prefix}{}{suffix}", self.text);
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn args(&self) -> &[Arg] {
        &self.args
    }

    pub fn push_mut(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    pub fn bind_mut(&mut self, value: impl Into<Arg>) -> &mut Self {
        let taken = std::mem::take(self);
        *self = taken.bind(value);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_wildcards_match_only_themselves() {
        assert_eq!(contains_pattern("实验"), "%实验%");
        let q = Sql::new("SELECT 1 WHERE x = ")
            .bind(1i64)
            .and_any_contains(&["a", "b"], "5%");
        assert_eq!(
            q.text(),
            r"SELECT 1 WHERE x = $1 AND (a LIKE $2 ESCAPE '\' OR b LIKE $3 ESCAPE '\')"
        );
        assert_eq!(q.args()[2], Arg::Text(Some(r"%5\%%".into())));
        assert_eq!(Sql::new("S").and_any_contains(&[], "x").text(), "S");
        assert_eq!(contains_pattern(r"50%_a\b"), r"%50\%\_a\\b%");
        let q = Sql::new("S WHERE 1=1")
            .and_starts_with("name", "王_")
            .limit(50, 100);
        assert_eq!(
            q.text(),
            r"S WHERE 1=1 AND name LIKE $1 ESCAPE '\' LIMIT $2 OFFSET $3"
        );
        assert_eq!(q.args()[0], Arg::Text(Some(r"王\_%".into())));
    }

    #[test]
    fn bind_numbers_placeholders_in_order() {
        let q = Sql::new("SELECT 1 WHERE a = ")
            .bind(1i64)
            .push(" AND b IN (")
            .bind_list(["x", "y"])
            .push(")");
        assert_eq!(q.text(), "SELECT 1 WHERE a = $1 AND b IN ($2, $3)");
        assert_eq!(q.args().len(), 3);
        assert_eq!(q.args()[1], Arg::Text(Some("x".into())));
    }

    #[test]
    fn none_is_a_typed_null() {
        let q = Sql::new("").bind(None::<i64>).bind(None::<String>);
        assert_eq!(q.args(), &[Arg::Int(None), Arg::Text(None)]);
    }
}
