use maud::{html, Markup, DOCTYPE};

use crate::area::inbox::count_for;
use crate::auth::{Access, Actor, WorkArea};

/// One entry of the navigation bar, contributed by a work area.
#[derive(Clone, Debug)]
pub struct NavItem {
    pub label: &'static str,
    pub href: &'static str,
    pub area: WorkArea,
}

impl NavItem {
    pub const fn new(label: &'static str, href: &'static str, area: WorkArea) -> NavItem {
        NavItem { label, href, area }
    }
}

/// The frame around every page: the bureau's name and the navigation the
/// work areas registered at start-up.
#[derive(Clone, Debug, Default)]
pub struct Shell {
    pub bureau_name: String,
    pub nav: Vec<NavItem>,
}

/// Renders a full page for a signed-in user.
pub fn page(actor: &Actor, title: &str, body: Markup) -> Markup {
    let shell = &actor.shell;
    let head_title = format!("{title} - {}", shell.bureau_name);
    document(
        &head_title,
        html! {
                body {
                    header.top {
                        a.brand href="/" { (shell.bureau_name) }
                        nav {
                            @for item in &shell.nav {
                                @if actor.may(item.area, Access::Read) {
                                    a href=(item.href) {
                                        (item.label)
                                        @let waiting = count_for(&actor.tasks, item.href);
                                        @if waiting > 0 { " " span.badge title="待办事项" { (waiting) } }
                                    }
                                }
                            }
                        }
                        div.user {
                            span title=(actor.role().label()) { (actor.user.display_name) }
                            a href="/account/password" { "修改密码" }
                            form.inline method="post" action="/logout" {
                                (crate::web::forms::csrf_field(actor))
                                button.link type="submit" { "退出" }
                            }
                        }
                    }
                    main { h1 { (title) } (body) }
                }
        },
    )
}

/// A page for visitors without an account (login, setup, public portals).
pub fn public_page(title: &str, body: Markup) -> Markup {
    document(
        title,
        html! { body.public { main { h1 { (title) } (body) } } },
    )
}

/// The HTML document around a page's `<body>`.
fn document(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/static/app.css";
            }
            (body)
        }
    }
}
