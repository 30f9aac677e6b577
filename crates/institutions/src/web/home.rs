//! The registry's panel on the home page: the district's institutions at a
//! glance, by category.

use maud::{html, Markup};
use platform::auth::{Access, Actor, WorkArea};
use platform::AppError;

use crate::domain::{Category, Ownership};
use crate::store::CountRow;

/// Counts, private counts and places per category, in the category order.
fn by_category(summary: &[CountRow]) -> Vec<(Category, i64, i64, i64)> {
    let mut rows: Vec<(Category, i64, i64, i64)> = Vec::new();
    for row in summary {
        let c = Category::of_school_type(&row.school_type);
        let private = if Ownership::parse(&row.ownership) == Some(Ownership::Public) {
            0
        } else {
            row.count
        };
        match rows.iter_mut().find(|(k, ..)| *k == c) {
            Some(e) => {
                e.1 += row.count;
                e.2 += private;
                e.3 += row.places;
            }
            None => rows.push((c, row.count, private, row.places)),
        }
    }
    rows.sort_by_key(|(c, ..)| Category::ALL.iter().position(|x| x == c));
    rows
}

fn view(rows: &[(Category, i64, i64, i64)]) -> Markup {
    html! {
        h2 { "机构概况（正常办学）" }
        table id="summary" {
            thead { tr { th { "类别" } th.num { "机构数" } th.num { "其中民办" } th.num { "核定学位数" } } }
            tbody {
                @for (c, count, private, places) in rows {
                    tr {
                        td { a href=(format!("/institutions?category={}", c.key())) { (c.label()) } }
                        td.num { (count) } td.num { (private) } td.num { (places) }
                    }
                }
            }
        }
    }
}

pub async fn panel(db: &platform::db::Db, actor: &Actor) -> Result<Option<Markup>, AppError> {
    if !actor.may(WorkArea::Institutions, Access::Read) {
        return Ok(None);
    }
    let rows = by_category(&crate::store::summary(db, &actor.scope).await?);
    Ok((!rows.is_empty()).then(|| view(&rows)))
}
