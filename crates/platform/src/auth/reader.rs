//! Capabilities: a handle to read one work area, obtained from the caller's
//! role (as lldap hands out access-controlled handlers). Areas wrap it in
//! their own reader type, whose functions are the only way to their
//! institution-owned rows, so none can be reached without the caller's
//! scope; the wrapper masks what it hands out and audits each view.

use crate::audit::{self, Entry};
use crate::db::{Db, Ex, Tx};
use crate::AppError;

use super::{Access, Caller, Scope, WorkArea};

/// Read access to one work area for one caller, filtered by their scope.
#[derive(Clone, Copy, Debug)]
pub struct Reader<'a> {
    db: &'a Db,
    caller: &'a Caller,
    area: WorkArea,
}

impl<'a> Reader<'a> {
    pub fn db(&self) -> &'a Db {
        self.db
    }

    pub fn caller(&self) -> &'a Caller {
        self.caller
    }

    pub fn scope(&self) -> &'a Scope {
        &self.caller.scope
    }

    pub fn area(&self) -> WorkArea {
        self.area
    }

    /// Whether ID numbers, addresses, phones and birth dates come back in
    /// full; otherwise the area's read models mask them.
    pub fn full_view(&self) -> bool {
        self.caller.role.sees_personal_details()
    }

    /// Refuses with 403 unless the role may also change this area.
    pub fn require_write(&self) -> Result<(), AppError> {
        self.caller.require(self.area, Access::Write)
    }

    /// Records a view of personal data (action `view`) in the audit log.
    pub async fn audit_view(&self, entry: Entry) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        audit::record(&mut tx, &self.caller.who, entry).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Caller {
    /// A reader of `area`, if the role may read it (403 otherwise).
    pub fn reader<'a>(&'a self, db: &'a Db, area: WorkArea) -> Result<Reader<'a>, AppError> {
        self.require(area, Access::Read)?;
        Ok(Reader {
            db,
            caller: self,
            area,
        })
    }

    /// A reader for the bureau-only part of `area`. Institution staff get
    /// 404 "未找到该记录，或您无权查看", the answer a foreign id gets, on
    /// every bureau-only route alike — lists, records and actions; bureau
    /// users whose role may not read the area get 403.
    pub fn bureau<'a>(&'a self, db: &'a Db, area: WorkArea) -> Result<Bureau<'a>, AppError> {
        if self.scope != Scope::All {
            return Err(AppError::NotFound);
        }
        Ok(Bureau(self.reader(db, area)?))
    }
}

/// Read access to the bureau-only part of a work area (its own records,
/// not an institution's): store functions over those take a `&Bureau`, so
/// institution staff cannot reach them.
#[derive(Clone, Copy, Debug)]
pub struct Bureau<'a>(Reader<'a>);

impl<'a> std::ops::Deref for Bureau<'a> {
    type Target = Reader<'a>;

    fn deref(&self) -> &Reader<'a> {
        &self.0
    }
}

impl<'a> From<&'a Bureau<'_>> for Ex<'a> {
    fn from(bureau: &'a Bureau<'_>) -> Self {
        Ex::Pool(bureau.db())
    }
}

/// Where a store function over bureau-only records runs: through a
/// [`Bureau`] reader, or inside a write transaction (which a service opens
/// only after its own access check). A plain `&Db` is not one.
pub trait BureauEx<'a>: Into<Ex<'a>> {}

impl<'a> BureauEx<'a> for &'a Bureau<'_> {}
impl<'a> BureauEx<'a> for &'a mut Tx {}
