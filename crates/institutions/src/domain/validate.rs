//! Checking an institution as typed in a form, an API call or an import row.

use platform::district::Township;
use platform::vocab::{Checker, Field};
use platform::{FieldError, TownshipId};

use super::institution::{field_label, find_township, InstitutionInput, NewInstitution};
use super::{Category, Licence, Ownership, Status};

/// A field of the form, named by its label.
fn f(key: &'static str) -> Field<'static> {
    Field::new(key, field_label(key))
}

/// A school type given as its code (211), its name (小学) or both, as the
/// export writes it (211 小学).
fn school_type_matches(code: &str, name: &str, given: &str) -> bool {
    match given.split_once(char::is_whitespace) {
        Some((c, n)) => c == code && n.trim() == name,
        None => given == code || given == name,
    }
}

impl InstitutionInput {
    /// Checks every field and returns all problems at once, each naming the
    /// field and saying how to fix it. `this_year` bounds the founding year.
    pub fn validate(
        &self,
        townships: &[Township],
        this_year: i64,
    ) -> Result<NewInstitution, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.required_text(f("name"), &self.name, 60).to_string();
        let code = c.text(f("code"), &self.code, 10).to_string();
        let well_formed = code.len() == 10 && code.bytes().all(|b| b.is_ascii_digit());
        if !code.is_empty() && !well_formed {
            c.custom("code", format!("学校标识码应为 10 位数字，而不是“{code}”"));
        }
        let school_type = match platform::codes::school_types().iter().find(|t| {
            t.level == "细类" && school_type_matches(&t.code, &t.name, self.school_type.trim())
        }) {
            Some(t) => t.code.clone(),
            None => {
                if self.school_type.trim().is_empty() {
                    c.custom("school_type", "请选择办学类型");
                } else {
                    c.custom(
                        "school_type",
                        format!(
                            "办学类型“{}”不在 JY/T 1001 代码表中",
                            self.school_type.trim()
                        ),
                    );
                }
                String::new()
            }
        };
        let category = Category::of_school_type(&school_type);
        let ownership = match Ownership::parse(self.ownership.trim()) {
            Some(o) => o,
            None => {
                c.custom(
                    "ownership",
                    format!(
                        "举办性质应为 公办、民办 或 普惠性民办，而不是“{}”",
                        self.ownership.trim()
                    ),
                );
                Ownership::Public
            }
        };
        if ownership == Ownership::PrivateInclusive
            && !school_type.is_empty()
            && category != Category::Kindergarten
        {
            c.custom("ownership", "只有幼儿园可以认定为普惠性民办");
        }
        let licence = match self.licence.trim() {
            "" => Licence::Licensed,
            v => Licence::parse(v).unwrap_or_else(|| {
                c.custom("licence", format!("办学许可应为 有证 或 无证，而不是“{v}”"));
                Licence::Licensed
            }),
        };
        if licence == Licence::Unlicensed {
            if ownership == Ownership::Public {
                c.custom("licence", "公办机构不能登记为无证");
            }
            if !school_type.is_empty()
                && category != Category::Kindergarten
                && category != Category::Training
            {
                c.custom("licence", "无证机构只登记幼儿园（看护点）和培训机构");
            }
        } else if code.is_empty()
            && matches!(
                category,
                Category::Primary | Category::Junior | Category::NineYear | Category::Senior
            )
        {
            c.custom("code", "中小学须填写 10 位学校标识码");
        }
        let status = match self.status.trim() {
            "" => Status::Active,
            v => Status::parse(v).unwrap_or_else(|| {
                c.custom(
                    "status",
                    format!("办学状态应为 正常办学、停办 或 已撤销，而不是“{v}”"),
                );
                Status::Active
            }),
        };
        let township_id = match find_township(townships, &self.township) {
            Some(t) => t.id,
            None => {
                if self.township.trim().is_empty() {
                    c.custom("township", "请选择所在乡镇（街道）");
                } else {
                    c.custom(
                        "township",
                        format!("本区没有乡镇（街道）“{}”", self.township.trim()),
                    );
                }
                TownshipId(0)
            }
        };
        let address = c.text(f("address"), &self.address, 120).to_string();
        let principal = c.text(f("principal"), &self.principal, 30).to_string();
        let phone = c.text(f("phone"), &self.phone, 20).to_string();
        if !phone.is_empty()
            && !phone
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == '-' || ch == ' ')
        {
            c.custom(
                "phone",
                format!("联系电话只能包含数字和“-”，而不是“{phone}”"),
            );
        }
        let founded_year = c.int(f("founded_year"), &self.founded_year, 1850..=this_year);
        let approved_places = c
            .int(f("approved_places"), &self.approved_places, 0..=20_000)
            .unwrap_or(0);
        let class_count = c
            .int(f("class_count"), &self.class_count, 0..=500)
            .unwrap_or(0);
        let boarding = c.yes_no(f("boarding"), &self.boarding);
        let group_name = c.text(f("group_name"), &self.group_name, 60).to_string();
        let notes = c.text(f("notes"), &self.notes, 500).to_string();
        c.finish(NewInstitution {
            code: Some(code).filter(|s| !s.is_empty()),
            name,
            school_type,
            ownership,
            licence,
            status,
            township_id,
            address,
            principal,
            phone,
            founded_year,
            approved_places,
            class_count,
            boarding,
            group_name: Some(group_name).filter(|s| !s.is_empty()),
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn towns() -> Vec<Township> {
        vec![Township {
            id: TownshipId(3),
            code: "330503102".into(),
            name: "练市镇".into(),
            kind: "town".into(),
            urban_rural: "town".into(),
        }]
    }

    fn good() -> InstitutionInput {
        InstitutionInput {
            code: "3305030012".into(),
            name: "练市镇中心小学".into(),
            school_type: "小学".into(),
            ownership: "公办".into(),
            township: "练市镇".into(),
            approved_places: "1200".into(),
            class_count: "24".into(),
            founded_year: "1952".into(),
            ..Default::default()
        }
    }

    #[test]
    fn accepts_names_or_codes() {
        let n = good().validate(&towns(), 2026).unwrap();
        assert_eq!(n.school_type, "211");
        assert_eq!(n.ownership, Ownership::Public);
        assert_eq!(n.township_id, TownshipId(3));
        assert_eq!(n.approved_places, 1200);
        assert_eq!(n.licence, Licence::Licensed);
        let both = InstitutionInput {
            school_type: "211 小学".into(),
            ..good()
        };
        assert_eq!(both.validate(&towns(), 2026).unwrap().school_type, "211");
        let mismatch = InstitutionInput {
            school_type: "211 初级中学".into(),
            ..good()
        };
        assert!(mismatch.validate(&towns(), 2026).is_err());
    }

    #[test]
    fn reports_every_problem_with_its_field() {
        let bad = InstitutionInput {
            code: "12ab".into(),
            school_type: "大学预科".into(),
            ownership: "私立".into(),
            township: "火星镇".into(),
            approved_places: "很多".into(),
            founded_year: "2999".into(),
            ..Default::default()
        };
        let errors = bad.validate(&towns(), 2026).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "name",
            "code",
            "school_type",
            "ownership",
            "township",
            "approved_places",
            "founded_year",
        ] {
            assert!(fields.contains(&f), "missing error for {f}: {errors:?}");
        }
        assert!(errors.iter().any(|e| e.message.contains("火星镇")));
    }

    #[test]
    fn inclusive_only_for_kindergartens_and_unlicensed_never_public() {
        let mut i = good();
        i.ownership = "普惠性民办".into();
        assert!(i.validate(&towns(), 2026).is_err());
        let kg = InstitutionInput {
            name: "小太阳看护点".into(),
            school_type: "111".into(),
            ownership: "民办".into(),
            licence: "无证".into(),
            township: "330503102".into(),
            ..Default::default()
        };
        assert_eq!(
            kg.validate(&towns(), 2026).unwrap().licence,
            Licence::Unlicensed
        );
        let mut public = kg.clone();
        public.ownership = "公办".into();
        assert!(public.validate(&towns(), 2026).is_err());
    }

    #[test]
    fn json_numbers_are_accepted() {
        let i: InstitutionInput =
            serde_json::from_str(r#"{"name":"x","approved_places":300,"boarding":true}"#).unwrap();
        assert_eq!(i.approved_places, "300");
        assert_eq!(i.boarding, "true");
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(name in ".*", code in ".*", st in ".*", own in ".*", places in ".*", year in ".*", phone in ".*") {
            let i = InstitutionInput { name, code, school_type: st, ownership: own, approved_places: places, founded_year: year, phone, township: "练市镇".into(), ..Default::default() };
            let _ = i.validate(&towns(), 2026);
        }
    }
}
