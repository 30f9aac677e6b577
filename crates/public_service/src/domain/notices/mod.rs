//! 通知公告: who a notice is for, what a notice must say, the read rate of
//! its receipts (回执), and how a parent confirms a notice for a pupil
//! without an account (the pupil's name and the last four characters of
//! the ID number).

use institutions::domain::Category;
use platform::error::FieldError;
use platform::vocab::Grade;
use serde::{Deserialize, Serialize};

platform::typed_id!(
    /// A notice (通知公告).
    NoticeId
);

/// The most institutions a notice may name one by one.
pub const MAX_CHOSEN: usize = 20_000;
/// The longest title and body, in characters.
pub const MAX_TITLE: usize = 100;
pub const MAX_BODY: usize = 20_000;

/// Who a bureau notice is for (发送范围).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Every institution in operation.
    All,
    /// The institutions of one category (小学, 初中, 幼儿园, …).
    Category(Category),
    /// The institutions of one township or street.
    Township(i64),
    /// The institutions named one by one.
    Chosen(Vec<i64>),
}

/// What an audience asks of an institution.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    pub id: i64,
    pub school_type: &'a str,
    pub township_id: i64,
}

fn bad(field: &str, msg: &str) -> FieldError {
    FieldError::new(field, msg)
}

impl Audience {
    /// Reads an audience as a form or the API gives it: its kind and value.
    pub fn parse(kind: &str, value: &str) -> Result<Audience, FieldError> {
        let value = value.trim();
        match kind.trim() {
            "all" => Ok(Audience::All),
            "category" => Category::parse(value)
                .map(Audience::Category)
                .ok_or_else(|| bad("audience_value", "请选择机构类别")),
            "township" => value
                .parse()
                .ok()
                .filter(|t| *t > 0)
                .map(Audience::Township)
                .ok_or_else(|| bad("audience_value", "请选择乡镇（街道）")),
            "chosen" => parse_ids(value).map(Audience::Chosen),
            _ => Err(bad("audience", "请选择发送范围")),
        }
    }

    pub fn key(&self) -> &'static str {
        match self {
            Audience::All => "all",
            Audience::Category(_) => "category",
            Audience::Township(_) => "township",
            Audience::Chosen(_) => "chosen",
        }
    }

    /// The value stored beside the key (parsed back by [`Audience::parse`]).
    pub fn value(&self) -> String {
        match self {
            Audience::All => String::new(),
            Audience::Category(c) => c.key().into(),
            Audience::Township(t) => t.to_string(),
            Audience::Chosen(ids) => ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
        }
    }

    /// Whether an institution is among the recipients.
    pub fn matches(&self, f: &Facts) -> bool {
        match self {
            Audience::All => true,
            Audience::Category(c) => Category::of_school_type(f.school_type) == *c,
            Audience::Township(t) => f.township_id == *t,
            Audience::Chosen(ids) => ids.contains(&f.id),
        }
    }

    /// For a category, which of the school types in use belong to it (the
    /// audience query filters on these); None for the other audiences.
    pub fn school_types(&self, in_use: &[String]) -> Option<Vec<String>> {
        match self {
            Audience::Category(c) => Some(
                in_use
                    .iter()
                    .filter(|t| Category::of_school_type(t) == *c)
                    .cloned()
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// A list of institution ids ("3, 5,8"): at least one, each a number,
/// duplicates dropped, at most [`MAX_CHOSEN`].
pub fn parse_ids(value: &str) -> Result<Vec<i64>, FieldError> {
    let mut ids = Vec::new();
    for part in value
        .split([',', '，', ' ', '\n'])
        .filter(|p| !p.trim().is_empty())
    {
        let id: i64 = part
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| bad("audience_value", "机构编号有误"))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
        if ids.len() > MAX_CHOSEN {
            return Err(bad("audience_value", "一次最多选择 20000 个机构"));
        }
    }
    if ids.is_empty() {
        return Err(bad("audience_value", "请至少选择一个机构"));
    }
    Ok(ids)
}

/// Who a notice of an institution is for: the parents of the whole school,
/// a grade or a class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentAudience {
    School,
    Grade(i64),
    Class { grade: i64, class_name: String },
}

impl ParentAudience {
    pub fn parse(kind: &str, value: &str) -> Result<ParentAudience, FieldError> {
        let value = value.trim();
        let grade = |s: &str| {
            Grade::parse(s)
                .map(|g| g.0)
                .ok_or_else(|| bad("audience_value", "年级有误"))
        };
        match kind.trim() {
            "school" => Ok(ParentAudience::School),
            "grade" => Ok(ParentAudience::Grade(grade(value)?)),
            "class" => {
                let (g, c) = value
                    .split_once(':')
                    .ok_or_else(|| bad("audience_value", "请写明年级和班级，如 3:2班"))?;
                let class_name = c.trim();
                if class_name.is_empty() || class_name.chars().count() > 20 {
                    return Err(bad("audience_value", "班级有误"));
                }
                Ok(ParentAudience::Class {
                    grade: grade(g)?,
                    class_name: class_name.into(),
                })
            }
            _ => Err(bad("audience", "请选择发送范围")),
        }
    }

    pub fn key(&self) -> &'static str {
        match self {
            ParentAudience::School => "school",
            ParentAudience::Grade(_) => "grade",
            ParentAudience::Class { .. } => "class",
        }
    }

    pub fn value(&self) -> String {
        match self {
            ParentAudience::School => String::new(),
            ParentAudience::Grade(g) => g.to_string(),
            ParentAudience::Class { grade, class_name } => format!("{grade}:{class_name}"),
        }
    }

    pub fn label(&self) -> String {
        match self {
            ParentAudience::School => "全校家长".into(),
            ParentAudience::Grade(g) => format!("{}家长", Grade(*g).label()),
            ParentAudience::Class { grade, class_name } => {
                format!("{}{}家长", Grade(*grade).label(), class_name)
            }
        }
    }

    /// Whether a pupil of `grade`, `class_name` is among those addressed.
    pub fn covers(&self, grade: i64, class_name: &str) -> bool {
        match self {
            ParentAudience::School => true,
            ParentAudience::Grade(g) => *g == grade,
            ParentAudience::Class {
                grade: g,
                class_name: c,
            } => *g == grade && c == class_name,
        }
    }
}

/// A notice as typed: title, body and who it is for.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NoticeInput {
    pub title: String,
    pub body: String,
    /// all, category, township, chosen (bureau); school, grade, class (parents).
    pub audience: String,
    /// The category key, township id, institution ids ("3,5"), grade, or
    /// "grade:class" for a class.
    pub audience_value: String,
}

/// A notice that passed its checks.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeDraft<A> {
    pub title: String,
    pub body: String,
    pub audience: A,
}

impl NoticeInput {
    fn text(&self) -> (String, String, Vec<FieldError>) {
        let (title, body) = (self.title.trim(), self.body.trim());
        let mut errors = Vec::new();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            errors.push(bad("title", "标题不能为空，最多 100 字"));
        }
        if body.is_empty() || body.chars().count() > MAX_BODY {
            errors.push(bad("body", "正文不能为空，最多 20000 字"));
        }
        (title.into(), body.into(), errors)
    }

    fn draft<A>(&self, audience: Result<A, FieldError>) -> Result<NoticeDraft<A>, Vec<FieldError>> {
        let (title, body, mut errors) = self.text();
        match audience {
            Ok(audience) if errors.is_empty() => Ok(NoticeDraft {
                title,
                body,
                audience,
            }),
            Ok(_) => Err(errors),
            Err(e) => {
                errors.push(e);
                Err(errors)
            }
        }
    }

    /// A notice of the bureau to institutions.
    pub fn parse(&self) -> Result<NoticeDraft<Audience>, Vec<FieldError>> {
        self.draft(Audience::parse(&self.audience, &self.audience_value))
    }

    /// A notice of an institution to parents.
    pub fn parse_for_parents(&self) -> Result<NoticeDraft<ParentAudience>, Vec<FieldError>> {
        self.draft(ParentAudience::parse(&self.audience, &self.audience_value))
    }
}

/// 阅读率 (%, one decimal): read receipts over recipients; none without
/// recipients.
pub fn read_rate(read: i64, recipients: i64) -> Option<f64> {
    (recipients > 0)
        .then(|| (read.clamp(0, recipients) as f64 * 1000.0 / recipients as f64).round() / 10.0)
}

/// The last four characters of an ID number, upper-cased (the check
/// character may be an x).
pub fn id_tail(id_number: &str) -> String {
    let chars: Vec<char> = id_number.trim().chars().collect();
    chars[chars.len().saturating_sub(4)..]
        .iter()
        .collect::<String>()
        .to_uppercase()
}

/// Whether a parent's confirmation names this pupil: the same name and the
/// last four characters of the ID number (exactly four given).
pub fn confirms(name_given: &str, tail_given: &str, name: &str, id_number: &str) -> bool {
    let tail = tail_given.trim();
    let name_given = name_given.trim();
    !name_given.is_empty()
        && tail.chars().count() == 4
        && name_given == name.trim()
        && id_number.trim().chars().count() >= 4
        && tail.to_uppercase() == id_tail(id_number)
}

/// The letters of a class link's code (no 0/O, 1/I look-alikes).
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
pub const CODE_LEN: usize = 8;

/// A new class link code from random numbers.
pub fn class_code(rng: &mut impl rand::Rng) -> String {
    (0..CODE_LEN)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Whether `s` could be a class link code (checked before any look-up).
pub fn is_class_code(s: &str) -> bool {
    s.len() == CODE_LEN && s.bytes().all(|b| CODE_ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests;
