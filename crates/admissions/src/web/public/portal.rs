//! What every portal page shows around its form: the bureau that runs the
//! admission, the year's policy, the privacy notice, and the receipt a
//! parent prints after applying.

use maud::{html, Markup};
use platform::web::{public_page, AppState};
use platform::AppError;

use crate::service::applying::Status;
use crate::store::rounds::Round;

/// A portal page headed by the bureau's name (from the district's record,
/// so a renamed bureau shows at once).
pub(super) async fn portal_page(
    state: &AppState,
    title: &str,
    body: Markup,
) -> Result<Markup, AppError> {
    let bureau = platform::district::district(&state.db)
        .await?
        .map(|d| d.bureau_name)
        .unwrap_or_else(|| state.shell.bureau_name.clone());
    Ok(public_page(
        title,
        html! {
            p.muted id="bureau" { (bureau) " · 义务教育招生入学" }
            (body)
            p.muted.no-print { a href="/apply/privacy" { "个人信息保护说明" } " · " a href="/apply/status" { "查询报名" } }
        },
    ))
}

/// The round's admission policy (招生政策) as the bureau entered it, one
/// paragraph per line.
pub(super) fn policy(r: &Round) -> Markup {
    html! {
        @if !r.policy.trim().is_empty() {
            section id="policy" {
                h2 { "招生政策" }
                @for line in r.policy.lines().filter(|l| !l.trim().is_empty()) { p { (line) } }
            }
        }
    }
}

/// The privacy notice (个人信息保护说明): what is collected, why, for how
/// long, and who sees it.
pub(super) fn privacy_notice() -> Markup {
    html! {
        section id="privacy" {
            h2 { "个人信息保护说明" }
            dl.facts {
                dt { "收集哪些信息" }
                dd { "儿童姓名、身份证号（含出生日期）；监护人姓名、手机号；居住社区；户籍、房产、居住证情况；所填志愿。" }
                dt { "用于什么" }
                dd { "仅用于本次义务教育招生：入学资格审核、按顺位和摇号分配学位、通知录取结果、处理申诉，不用于其他目的。" }
                dt { "保存多久" }
                dd { "保存至本次招生结束（录取结果公布且申诉处理完毕）后一年；被录取儿童的信息随后转入其学籍档案，按学籍管理规定保存。" }
                dt { "谁能看到" }
                dd { "教育局招生工作人员，以及儿童被录取或统筹安排的学校（仅限本校录取的儿童）。公布的摇号名单只显示报名号，不显示姓名和身份证号。" }
            }
        }
    }
}

/// 张* for two characters, 张*明 for three, 欧阳**华 for more: enough
/// for the parent to recognise, not enough to identify the child.
pub(super) fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => "*".into(),
        2 => format!("{}*", chars[0]),
        n => {
            let keep = if n > 3 { 2 } else { 1 };
            let head: String = chars[..keep].iter().collect();
            format!("{head}{}{}", "*".repeat(n - keep - 1), chars[n - 1])
        }
    }
}

/// The printable receipt (报名回执) of an application.
pub(super) fn receipt(s: &Status) -> Markup {
    let a = &s.application;
    let submitted = platform::time::local(a.submitted_at).format("%Y年%m月%d日 %H:%M");
    html! {
        section.receipt id="receipt" {
            h2 { "报名回执" }
            dl.facts {
                dt { "报名号" } dd { strong id="ref-no" { (a.ref_no) } }
                dt { "招生" } dd { (s.round.name) }
                dt { "儿童" } dd id="receipt-child" { (mask_name(&a.child_name)) }
                dt { "志愿" } dd id="receipt-choices" {
                    @for (i, (_, name)) in s.choices.iter().enumerate() { "第 " (i + 1) " 志愿：" (name) br; }
                }
                dt { "提交时间" } dd id="receipt-date" { (submitted) "（北京时间）" }
            }
            p { "请牢记报名号。凭报名号和儿童身份证号可在报名期间查询、修改报名，公布后查看录取结果。" }
            p.muted.no-print { "打印：请使用浏览器的“打印”功能（Ctrl+P），打印时只保留回执内容。" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mask_name;

    #[test]
    fn names_keep_only_their_ends() {
        assert_eq!(mask_name("李四"), "李*");
        assert_eq!(mask_name("网报儿童"), "网报*童");
        assert_eq!(mask_name("张小明"), "张*明");
        assert_eq!(mask_name("欧阳小华子"), "欧阳**子");
        assert_eq!(mask_name("王"), "*");
        assert_eq!(mask_name(" "), "");
    }
}
