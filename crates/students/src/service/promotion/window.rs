//! The promotion window (升级时段) as two bureau settings, changed by
//! leadership or 基教科 on the promotion page, with audit.

use platform::audit::{self, Entry};
use platform::auth::{Caller, Role, Section};
use platform::db::Ex;
use platform::settings::{self, Setting};
use platform::{AppError, FieldError};
use serde::Serialize;

use crate::domain::promotion::{MonthDay, Window};

/// The window's first day, every year.
pub const WINDOW_OPENS: Setting = Setting {
    key: "students.promotion_opens",
    label: "年终升级开始日期（月-日）",
    default: "07-01",
};

/// The window's last day, every year.
pub const WINDOW_CLOSES: Setting = Setting {
    key: "students.promotion_closes",
    label: "年终升级截止日期（月-日）",
    default: "08-31",
};

async fn month_day(ex: &mut Ex<'_>, setting: &Setting) -> Result<MonthDay, AppError> {
    let stored = settings::get(&mut *ex, setting).await?;
    // A value that no longer parses falls back to the default, which does.
    Ok(MonthDay::parse(&stored)
        .or_else(|| MonthDay::parse(setting.default))
        .unwrap_or(MonthDay { month: 7, day: 1 }))
}

/// The window the bureau set (or the default one).
pub async fn window<'a>(ex: impl Into<Ex<'a>>) -> Result<Window, AppError> {
    let mut ex = ex.into();
    Ok(Window {
        opens: month_day(&mut ex, &WINDOW_OPENS).await?,
        closes: month_day(&mut ex, &WINDOW_CLOSES).await?,
    })
}

/// Whether the caller sets the window: leadership and 基教科.
pub fn sets_window(role: Role) -> bool {
    matches!(
        role,
        Role::Leadership | Role::Section(Section::BasicEducation)
    )
}

#[derive(Serialize)]
struct Stored {
    opens: String,
    closes: String,
}

impl From<Window> for Stored {
    fn from(w: Window) -> Stored {
        Stored {
            opens: w.opens.key(),
            closes: w.closes.key(),
        }
    }
}

/// Sets the window from two typed month-days (`07-01`).
pub async fn set_window(
    db: &platform::db::Db,
    caller: &Caller,
    opens: &str,
    closes: &str,
) -> Result<Window, AppError> {
    if !sets_window(caller.role) {
        return Err(AppError::Forbidden);
    }
    let parse = |field: &'static str, typed: &str| {
        MonthDay::parse(typed).ok_or_else(|| {
            FieldError::new(
                field,
                format!("“{}”不是日期，请按“月-日”填写，如 07-01", typed.trim()),
            )
        })
    };
    let new = match (parse("opens", opens), parse("closes", closes)) {
        (Ok(o), Ok(c)) => Window {
            opens: o,
            closes: c,
        },
        (a, b) => {
            return Err(AppError::Invalid(
                [a.err(), b.err()].into_iter().flatten().collect(),
            ))
        }
    };
    let mut tx = db.begin().await?;
    let old = window(&mut tx).await?;
    let by = caller.who.user_id;
    settings::set(&mut tx, &WINDOW_OPENS, &new.opens.key(), by).await?;
    settings::set(&mut tx, &WINDOW_CLOSES, &new.closes.key(), by).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "promotion_window",
            format!("年终升级时段改为每年{}", new.label()),
        )
        .before(&Stored::from(old))
        .after(&Stored::from(new)),
    )
    .await?;
    tx.commit().await?;
    Ok(new)
}
