//! A bus as typed into the form or a spreadsheet row: every field text,
//! parsed in one place so that the form and the import say the same.

use platform::vocab::check::{parse_yes_no, Checker, Field};
use platform::FieldError;
use serde::Deserialize;

use super::{BusInput, LicenceClass, MAX_SEATS};

/// The fields of a bus: the key of the form field and JSON member, and the
/// column header of the spreadsheet.
pub const FIELDS: [(&str, &str); 13] = [
    ("plate", "车牌号"),
    ("seats", "核载人数"),
    ("operator", "运营单位"),
    ("permit_no", "校车标牌号"),
    ("permit_expires", "校车标牌有效期至"),
    ("inspection_expires", "年检有效期至"),
    ("insurance_expires", "保险有效期至"),
    ("driver_name", "驾驶人"),
    ("driver_class", "准驾车型"),
    ("driver_licence_expires", "驾驶证有效期至"),
    ("driver_approved", "校车驾驶资格"),
    ("route", "线路"),
    ("pupils", "乘车学生数"),
];

fn field(key: &'static str) -> Field<'static> {
    let label = FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, l)| *l);
    Field::new(key, label)
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BusText {
    pub plate: String,
    pub seats: String,
    pub operator: String,
    pub permit_no: String,
    pub permit_expires: String,
    pub inspection_expires: String,
    pub insurance_expires: String,
    pub driver_name: String,
    pub driver_class: String,
    pub driver_licence_expires: String,
    pub driver_approved: String,
    pub route: String,
    pub pupils: String,
}

/// A licence class from its code or its label (`B1`, `B1（中型客车）`).
pub fn licence_class(v: &str) -> Result<LicenceClass, String> {
    LicenceClass::parse(&v.to_ascii_uppercase())
        .ok_or_else(|| format!("应为 A1、B1、C1 之一，而不是“{v}”"))
}

/// A field that must be filled, read by `read` when it is.
fn required<T>(
    c: &mut Checker,
    key: &'static str,
    v: &str,
    read: impl FnOnce(&mut Checker, Field<'static>, &str) -> Option<T>,
) -> Option<T> {
    let f = field(key);
    if c.required(f, v).is_empty() {
        None
    } else {
        read(c, f, v)
    }
}

impl BusText {
    /// The text in the field order of [`FIELDS`].
    pub fn from_cells(cells: [String; 13]) -> BusText {
        let [plate, seats, operator, permit_no, permit_expires, inspection_expires, insurance_expires, driver_name, driver_class, driver_licence_expires, driver_approved, route, pupils] =
            cells;
        BusText {
            plate,
            seats,
            operator,
            permit_no,
            permit_expires,
            inspection_expires,
            insurance_expires,
            driver_name,
            driver_class,
            driver_licence_expires,
            driver_approved,
            route,
            pupils,
        }
    }

    /// Every field parsed; the bus's own rules ([`BusInput::check`]) are
    /// checked after.
    pub fn parse(&self) -> Result<BusInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let seats = required(&mut c, "seats", &self.seats, |c, f, v| {
            c.int(f, v, 1..=MAX_SEATS)
        });
        let date = |c: &mut Checker, key, v: &str| required(c, key, v, |c, f, v| c.date(f, v));
        let permit_expires = date(&mut c, "permit_expires", &self.permit_expires);
        let inspection_expires = date(&mut c, "inspection_expires", &self.inspection_expires);
        let insurance_expires = date(&mut c, "insurance_expires", &self.insurance_expires);
        let driver_licence_expires = date(
            &mut c,
            "driver_licence_expires",
            &self.driver_licence_expires,
        );
        let driver_class = required(&mut c, "driver_class", &self.driver_class, |c, f, v| {
            c.parsed(f, v, licence_class)
        });
        let approved = parse_yes_no(&self.driver_approved);
        if approved.is_none() {
            c.custom(
                "driver_approved",
                format!(
                    "校车驾驶资格应填“是”或“否”，而不是“{}”",
                    self.driver_approved.trim()
                ),
            );
        }
        let pupils = if self.pupils.trim().is_empty() {
            Some(0)
        } else {
            c.int(field("pupils"), &self.pupils, 0..=MAX_SEATS)
        };
        let (
            Some(seats),
            Some(pe),
            Some(ie),
            Some(se),
            Some(dc),
            Some(de),
            Some(approved),
            Some(pupils),
        ) = (
            seats,
            permit_expires,
            inspection_expires,
            insurance_expires,
            driver_class,
            driver_licence_expires,
            approved,
            pupils,
        )
        else {
            return Err(c.into_errors());
        };
        let bus = BusInput {
            plate: self.plate.trim().to_string(),
            seats,
            operator: self.operator.trim().to_string(),
            permit_no: self.permit_no.trim().to_string(),
            permit_expires: pe,
            inspection_expires: ie,
            insurance_expires: se,
            driver_name: self.driver_name.trim().to_string(),
            driver_class: dc,
            driver_licence_expires: de,
            driver_approved: approved,
            route: self.route.trim().to_string(),
            pupils,
        };
        c.finish(bus)
    }
}
