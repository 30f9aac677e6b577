//! Bulk inserts on SQLite through the raw connection handle: statements are
//! prepared once and then bound, stepped and reset row by row. Single-row
//! INSERTs need no statement journal, and the values are bound in place
//! (`SQLITE_STATIC`) without copying them into sqlx's argument buffers.
//!
//! All `unsafe` of the crate is in this module. The invariants:
//! * [`Inserter`] is only made by `Tx::sqlite_insert` from the
//!   handle of a connection locked with sqlx's `lock_handle`, and borrows
//!   that lock for its whole life, so no other code uses the connection
//!   meanwhile;
//! * text is bound with `SQLITE_STATIC` and every binding is cleared before
//!   [`Inserter::insert`] returns, so SQLite never keeps a pointer into a
//!   value after the borrow of that value ends;
//! * statements are finalized in `Drop`.

use std::ffi::{c_char, c_int, CStr};
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use libsqlite3_sys as ffi;

use super::DbError;

/// One value to bind.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    Null,
    Int(i64),
    /// An integer 0 or 1 on SQLite, `t` or `f` on PostgreSQL.
    Bool(bool),
    Text(&'a str),
}

/// Prepared INSERT statements on a locked SQLite connection.
pub struct Inserter<'h> {
    db: NonNull<ffi::sqlite3>,
    stmts: Vec<NonNull<ffi::sqlite3_stmt>>,
    _lock: PhantomData<&'h mut ()>,
}

impl<'h> Inserter<'h> {
    /// Prepares `statements` (with `?` placeholders) on `db`.
    ///
    /// # Safety
    /// `db` must be an open connection that nothing else uses for `'h`.
    pub(crate) unsafe fn new(
        db: NonNull<ffi::sqlite3>,
        statements: &[&str],
    ) -> Result<Self, DbError> {
        let mut me = Inserter {
            db,
            stmts: Vec::with_capacity(statements.len()),
            _lock: PhantomData,
        };
        for sql in statements {
            let mut stmt = ptr::null_mut();
            let len = c_int::try_from(sql.len()).map_err(|_| other("statement too long"))?;
            // SAFETY: `db` is valid (caller); `sql` is valid for `len` bytes.
            let rc = unsafe {
                ffi::sqlite3_prepare_v3(
                    db.as_ptr(),
                    sql.as_ptr().cast::<c_char>(),
                    len,
                    ffi::SQLITE_PREPARE_PERSISTENT as _,
                    &mut stmt,
                    ptr::null_mut(),
                )
            };
            if rc != ffi::SQLITE_OK {
                return Err(me.error(rc));
            }
            me.stmts
                .push(NonNull::new(stmt).ok_or_else(|| other("empty statement"))?);
        }
        Ok(me)
    }

    /// Runs statement number `stmt` once with `values` bound to its
    /// placeholders in order.
    pub fn insert(&mut self, stmt: usize, values: &[Value<'_>]) -> Result<(), DbError> {
        let s = self
            .stmts
            .get(stmt)
            .ok_or_else(|| other("no such statement"))?
            .as_ptr();
        let mut rc = ffi::SQLITE_OK;
        for (i, v) in values.iter().enumerate() {
            let i = i as c_int + 1;
            // SAFETY: `s` is a live prepared statement; text stays borrowed
            // for this call and its binding is cleared below before return.
            rc = unsafe {
                match *v {
                    Value::Null => ffi::sqlite3_bind_null(s, i),
                    Value::Int(n) => ffi::sqlite3_bind_int64(s, i, n),
                    Value::Bool(b) => ffi::sqlite3_bind_int64(s, i, i64::from(b)),
                    Value::Text(t) => ffi::sqlite3_bind_text(
                        s,
                        i,
                        t.as_ptr().cast::<c_char>(),
                        c_int::try_from(t.len()).unwrap_or(c_int::MAX),
                        ffi::SQLITE_STATIC(),
                    ),
                }
            };
            if rc != ffi::SQLITE_OK {
                break;
            }
        }
        if rc == ffi::SQLITE_OK {
            // SAFETY: as above.
            rc = unsafe { ffi::sqlite3_step(s) };
            if rc == ffi::SQLITE_DONE {
                rc = ffi::SQLITE_OK;
            }
        }
        let err = (rc != ffi::SQLITE_OK).then(|| self.error(rc));
        // SAFETY: as above. Reset's return repeats the step's error, which
        // is already taken.
        unsafe {
            ffi::sqlite3_reset(s);
            ffi::sqlite3_clear_bindings(s);
        }
        if err.is_some() {
            self.reopen_if_rolled_back();
        }
        err.map_or(Ok(()), Err)
    }

    /// An `INSERT OR ROLLBACK` that failed has ended the caller's
    /// transaction, which sqlx still counts as open: its ROLLBACK would then
    /// fail and the pooled connection would believe it is inside a
    /// transaction for good. Opening an empty one keeps both in step; the
    /// caller's rollback ends it.
    fn reopen_if_rolled_back(&mut self) {
        // SAFETY: `db` is valid; the statement text is a C string literal.
        unsafe {
            if ffi::sqlite3_get_autocommit(self.db.as_ptr()) != 0 {
                ffi::sqlite3_exec(
                    self.db.as_ptr(),
                    c"BEGIN".as_ptr(),
                    None,
                    ptr::null_mut(),
                    ptr::null_mut(),
                );
            }
        }
    }

    /// The connection's last error as a [`DbError`], constraint violations
    /// told apart as sqlx does.
    fn error(&self, rc: c_int) -> DbError {
        // SAFETY: `db` is valid; the message is copied out at once.
        let (code, msg) = unsafe {
            let m = ffi::sqlite3_errmsg(self.db.as_ptr());
            let msg = if m.is_null() {
                String::new()
            } else {
                CStr::from_ptr(m).to_string_lossy().into_owned()
            };
            (ffi::sqlite3_extended_errcode(self.db.as_ptr()), msg)
        };
        match code {
            ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                DbError::Unique(msg)
            }
            ffi::SQLITE_CONSTRAINT_FOREIGNKEY => DbError::ForeignKey(msg),
            ffi::SQLITE_CONSTRAINT_CHECK => DbError::Check(msg),
            _ => other(&format!("SQLite 错误 {rc}/{code}: {msg}")),
        }
    }
}

impl Drop for Inserter<'_> {
    fn drop(&mut self) {
        for s in self.stmts.drain(..) {
            // SAFETY: each statement was prepared here and is finalized once.
            unsafe {
                ffi::sqlite3_finalize(s.as_ptr());
            }
        }
    }
}

pub(super) fn other(msg: &str) -> DbError {
    DbError::Other(sqlx::Error::Protocol(msg.to_string()))
}
