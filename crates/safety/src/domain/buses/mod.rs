//! Pure rules of school buses (校车): the plate (车牌号), the licence class a
//! driver needs for the seats, and the expiry windows of the papers a bus
//! runs on (校车标牌, 年检, 保险, the driver's 驾驶证).

use chrono::{Duration, NaiveDate};
use platform::FieldError;
use serde::{Deserialize, Serialize};

#[cfg(test)]
mod tests;
mod text;

pub use text::{licence_class, BusText, FIELDS};

platform::typed_id!(
    /// A 校车.
    BusId
);

/// Days before an expiry that a bus shows as expiring (and in the inbox).
pub const ALERT_DAYS: i64 = 30;

/// The most seats (核载人数) a bus may have: a large 校车 carries up to 56.
pub const MAX_SEATS: i64 = 60;

/// Provinces' one-character abbreviations that begin a plate.
const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/// A 车牌号 as written on the plate: a province, the city letter, then five
/// letters or digits (six for a new-energy vehicle). Letters I and O are
/// never used. Stored without spaces or separators, letters upper case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(transparent)]
pub struct Plate(String);

impl Plate {
    pub fn parse(text: &str) -> Result<Plate, String> {
        let plate: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '·' | '•' | '-' | '.'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let mut chars = plate.chars();
        let bad = || {
            format!("车牌号“{}”格式不正确，应如“闽G·12345”（省份简称、发牌机关字母和 5 位字母或数字，新能源车 6 位）", text.trim())
        };
        let province = chars.next().ok_or_else(bad)?;
        let city = chars.next().ok_or_else(bad)?;
        let rest: Vec<char> = chars.collect();
        let serial_char =
            |c: &char| c.is_ascii_digit() || (c.is_ascii_uppercase() && *c != 'I' && *c != 'O');
        let ok = PROVINCES.contains(province)
            && city.is_ascii_uppercase()
            && city != 'I'
            && city != 'O'
            && (rest.len() == 5 || rest.len() == 6)
            && rest.iter().all(serial_char);
        if ok {
            Ok(Plate(plate))
        } else {
            Err(bad())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As printed: `闽G·12345`.
    pub fn display(&self) -> String {
        let mut chars = self.0.chars();
        let head: String = chars.by_ref().take(2).collect();
        format!("{head}·{}", chars.as_str())
    }
}

platform::text_enum! {
    /// 准驾车型 of a driver's licence.
    pub enum LicenceClass {
        A1 = "A1" "A1（大型客车）",
        B1 = "B1" "B1（中型客车）",
        C1 = "C1" "C1（小型汽车）",
    }
}

impl LicenceClass {
    /// The most seats (核载人数) a bus driven on this licence may have:
    /// a 大型客车 licence any, a 中型客车 up to 19, a 小型汽车 up to 9.
    pub fn max_seats(self) -> i64 {
        match self {
            LicenceClass::A1 => MAX_SEATS,
            LicenceClass::B1 => 19,
            LicenceClass::C1 => 9,
        }
    }
}

platform::text_enum! {
    /// Where a date stands against today and the alert window.
    pub enum Expiry {
        Valid = "valid" "有效",
        Expiring = "expiring" "即将到期",
        Expired = "expired" "已过期",
    }
}

/// Where `expires` stands on `today`: expired the day after it, expiring
/// within `days` days (the expiry day included), valid before.
pub fn expiry(expires: NaiveDate, today: NaiveDate, days: i64) -> Expiry {
    if expires < today {
        Expiry::Expired
    } else if expires <= today + Duration::days(days) {
        Expiry::Expiring
    } else {
        Expiry::Valid
    }
}

/// The last expiry date that is within the alert window on `today`.
pub fn alert_until(today: NaiveDate, days: i64) -> NaiveDate {
    today + Duration::days(days)
}

/// A bus, its papers, its driver and its route, as entered.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct BusInput {
    /// 车牌号, e.g. `闽G·12345`.
    pub plate: String,
    /// 核载人数.
    pub seats: i64,
    /// 运营单位 (the school itself or a transport company).
    pub operator: String,
    /// 校车标牌 number and its expiry.
    pub permit_no: String,
    pub permit_expires: NaiveDate,
    /// 机动车检验 (年检) valid until.
    pub inspection_expires: NaiveDate,
    /// 保险 valid until.
    pub insurance_expires: NaiveDate,
    pub driver_name: String,
    pub driver_class: LicenceClass,
    pub driver_licence_expires: NaiveDate,
    /// 校车驾驶资格 approved by the traffic police.
    pub driver_approved: bool,
    /// 线路: the stops in order, separated by “—” or “、”.
    #[serde(default)]
    pub route: String,
    /// 乘车学生数 on one trip.
    #[serde(default)]
    pub pupils: i64,
}

/// The stops of a route as written.
pub fn stops(route: &str) -> Vec<&str> {
    route
        .split(['—', '-', '、', ',', '，', '→'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

impl BusInput {
    /// The earliest of the four expiries: the date the bus stops being
    /// allowed on the road.
    pub fn first_expiry(&self) -> NaiveDate {
        self.permit_expires
            .min(self.inspection_expires)
            .min(self.insurance_expires)
            .min(self.driver_licence_expires)
    }

    /// The plate parsed, and every other problem by field.
    pub fn check(&self) -> Result<Plate, Vec<FieldError>> {
        let mut e = Vec::new();
        let plate = Plate::parse(&self.plate).map_err(|m| e.push(FieldError::new("plate", m)));
        if !(1..=MAX_SEATS).contains(&self.seats) {
            e.push(FieldError::new(
                "seats",
                format!("核载人数应在 1 至 {MAX_SEATS} 之间，而不是 {}", self.seats),
            ));
        } else if self.seats > self.driver_class.max_seats() {
            e.push(FieldError::new(
                "driver_class",
                format!(
                    "{} 驾驶证只能驾驶核载 {} 人以下的车辆，本车核载 {} 人",
                    self.driver_class.as_str(),
                    self.driver_class.max_seats(),
                    self.seats
                ),
            ));
        }
        if self.pupils < 0 {
            e.push(FieldError::new("pupils", "乘车学生数不能为负数"));
        } else if self.seats >= 1 && self.pupils > self.seats {
            e.push(FieldError::new(
                "pupils",
                format!(
                    "乘车学生数 {} 超过核载人数 {}，不得超员",
                    self.pupils, self.seats
                ),
            ));
        }
        for (key, label, v) in [
            ("operator", "运营单位", &self.operator),
            ("permit_no", "校车标牌号", &self.permit_no),
            ("driver_name", "驾驶人姓名", &self.driver_name),
        ] {
            if v.trim().is_empty() {
                e.push(FieldError::new(key, format!("请填写{label}")));
            }
        }
        match plate {
            Ok(p) if e.is_empty() => Ok(p),
            _ => Err(e),
        }
    }
}
