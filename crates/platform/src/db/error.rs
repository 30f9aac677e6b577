use thiserror::Error;

/// A storage failure. Constraint violations are told apart so callers can turn
/// them into form errors instead of "internal error".
#[derive(Debug, Error)]
pub enum DbError {
    #[error("记录不存在")]
    NotFound,
    #[error("违反唯一性约束: {0}")]
    Unique(String),
    #[error("违反关联约束: {0}")]
    ForeignKey(String),
    #[error("违反检查约束: {0}")]
    Check(String),
    #[error("数据库地址无效: {0}")]
    BadUrl(String),
    #[error("数据库错误: {0}")]
    Other(#[source] sqlx::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        use sqlx::error::ErrorKind;
        match &e {
            sqlx::Error::RowNotFound => DbError::NotFound,
            sqlx::Error::Database(d) => {
                let what = d.constraint().unwrap_or(d.message()).to_string();
                match d.kind() {
                    ErrorKind::UniqueViolation => DbError::Unique(what),
                    ErrorKind::ForeignKeyViolation => DbError::ForeignKey(what),
                    ErrorKind::CheckViolation => DbError::Check(what),
                    _ => DbError::Other(e),
                }
            }
            _ => DbError::Other(e),
        }
    }
}
