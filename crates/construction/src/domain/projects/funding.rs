//! Funding of a project: budget lines by source (资金来源), contracts (合同)
//! and the payments (付款) made against them. Money is whole yuan (元).

use chrono::NaiveDate;

platform::text_enum! {
    /// 资金来源: which level of government (or the school itself) pays.
    pub enum FundingSource {
        Central = "central" "中央",
        Province = "province" "省",
        City = "city" "市",
        District = "district" "区",
        SelfRaised = "self_raised" "自筹",
    }
}

/// An amount in 万元 as the bureau writes it: "949万元", "12.35万元"
/// (rounded half up to two decimals, trailing zeros dropped).
pub fn wan_label(yuan: i64) -> String {
    let sign = if yuan < 0 { "-" } else { "" };
    let hundredths = (yuan.unsigned_abs() + 50) / 100;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let frac = match frac {
        0 => String::new(),
        f if f % 10 == 0 => format!(".{}", f / 10),
        f => format!(".{f:02}"),
    };
    format!("{sign}{whole}{frac}万元")
}

/// A budget line's amount must be positive.
pub fn check_budget_line(amount: i64) -> Result<(), String> {
    if amount <= 0 {
        return Err(format!("预算金额须大于 0 元（填写的是 {amount} 元）"));
    }
    Ok(())
}

/// A contract names its other party, has a positive amount and was signed
/// by `today`. Problems come back as (field, message).
pub fn check_contract(
    party: &str,
    amount: i64,
    signed_on: NaiveDate,
    today: NaiveDate,
) -> Vec<(&'static str, String)> {
    let mut errors = Vec::new();
    if party.trim().is_empty() {
        errors.push(("party", "请填写合同相对方（签约单位）".to_string()));
    }
    if amount <= 0 {
        errors.push((
            "amount",
            format!("合同金额须大于 0 元（填写的是 {amount} 元）"),
        ));
    }
    if signed_on > today {
        errors.push((
            "signed_on",
            format!("签订日期（{signed_on}）晚于今天：请在合同签订后登记"),
        ));
    }
    errors
}

/// A payment of `amount` against a contract of `contract_amount` of which
/// `paid` has been paid already: positive, and the total may not go over
/// the contract.
pub fn check_payment(contract_amount: i64, paid: i64, amount: i64) -> Result<(), String> {
    if amount <= 0 {
        return Err(format!("付款金额须大于 0 元（填写的是 {amount} 元）"));
    }
    match paid.checked_add(amount) {
        Some(total) if total <= contract_amount => Ok(()),
        total => Err(format!(
            "付款超出合同金额：本次付款 {amount} 元后累计付款 {} 元，超过合同金额 {contract_amount} 元（尚可支付 {} 元），未保存",
            total.map_or_else(|| "超过上限的".to_string(), |t| t.to_string()),
            contract_amount.saturating_sub(paid).max(0)
        )),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn amounts_read_in_wan_yuan() {
        assert_eq!(wan_label(9_490_000), "949万元");
        assert_eq!(wan_label(123_456), "12.35万元");
        assert_eq!(wan_label(123_449), "12.34万元");
        assert_eq!(wan_label(123_450), "12.35万元");
        assert_eq!(wan_label(15_000), "1.5万元");
        assert_eq!(wan_label(10_100), "1.01万元");
        assert_eq!(wan_label(0), "0万元");
        assert_eq!(wan_label(49), "0万元");
        assert_eq!(wan_label(50), "0.01万元");
        assert_eq!(wan_label(-15_000), "-1.5万元");
    }

    #[test]
    fn budget_lines_and_contracts_are_positive() {
        assert_eq!(check_budget_line(1), Ok(()));
        assert_eq!(
            check_budget_line(0),
            Err("预算金额须大于 0 元（填写的是 0 元）".into())
        );
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
        assert!(check_contract("湖州建工集团", 1, today, today).is_empty());
        let e = check_contract(" ", 0, today.succ_opt().expect("date"), today);
        let fields: Vec<_> = e.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["party", "amount", "signed_on"]);
        assert_eq!(e[1].1, "合同金额须大于 0 元（填写的是 0 元）");
        assert!(e[2].1.contains("2026-12-08"), "{}", e[2].1);
        assert_eq!(check_contract("甲", -5, today, today).len(), 1);
    }

    #[test]
    fn payments_stay_within_the_contract() {
        assert_eq!(check_payment(1000, 0, 1000), Ok(()));
        assert_eq!(check_payment(1000, 400, 600), Ok(()));
        assert_eq!(
            check_payment(1000, 400, 601),
            Err("付款超出合同金额：本次付款 601 元后累计付款 1001 元，超过合同金额 1000 元（尚可支付 600 元），未保存".into())
        );
        assert_eq!(
            check_payment(1000, 0, 0),
            Err("付款金额须大于 0 元（填写的是 0 元）".into())
        );
        assert!(check_payment(1000, 1200, 1)
            .unwrap_err()
            .contains("尚可支付 0 元"));
        assert!(check_payment(i64::MAX, i64::MAX, 1).is_err());
        assert!(FundingSource::parse("自筹") == Some(FundingSource::SelfRaised));
        platform::text_enum::assert_keys_and_labels_parse_back::<FundingSource>();
    }

    proptest! {
        #[test]
        fn accepted_payments_never_exceed_the_contract(c in 0i64..1_000_000, p in 0i64..1_000_000, a in -10i64..1_000_000) {
            let ok = check_payment(c, p, a).is_ok();
            prop_assert_eq!(ok, a > 0 && p + a <= c);
        }
    }
}
