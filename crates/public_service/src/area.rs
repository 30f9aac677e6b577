//! 家校与政务 as a work area of the program.

use platform::area::{Area, Indicator};
use platform::auth::WorkArea;
use platform::web::NavItem;

use crate::service::{disclosure, documents, notices, petitions};

/// The area's published figures, part by part.
static INDICATORS: &[Indicator] = &[
    notices::indicators::READ_RATE,
    disclosure::indicators::ON_TIME_RATE,
    petitions::indicators::ON_TIME,
    petitions::indicators::SATISFACTION,
    documents::indicators::INCOMING_DAYS,
    documents::indicators::OUTGOING_DAYS,
    documents::indicators::RECEIPT_ON_TIME,
];

pub static AREA: Area = Area {
    table_prefixes: &["public_"],
    migration_range: (1100, 1199),
    migrations: crate::MIGRATIONS,
    routes: crate::web::routes,
    nav: &[NavItem {
        label: "家校与政务",
        href: "/public",
        area: WorkArea::PublicService,
    }],
    openapi: crate::web::openapi,
    // /open/: institutions' public pages, the bureau's catalogue and the
    // class pages for parents; /mailbox: the director's mailbox.
    public_paths: &["/open/", "/mailbox"],
    demo: Some(|run| Box::pin(crate::demo::run(run))),
    indicators: INDICATORS,
    pending: Some(|db, caller| Box::pin(crate::service::pending::tasks(db, caller))),
    audit_labels: crate::audit_labels::AUDIT_LABELS,
    ..Area::new("public", "家校与政务")
};
