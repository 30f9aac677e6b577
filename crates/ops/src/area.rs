//! The operations area (运维): no records of its own yet, only the
//! monitoring routes; its tables would start with `ops_`.

use platform::area::Area;

pub static AREA: Area = Area {
    table_prefixes: &["ops_"],
    migration_range: (900, 999),
    routes: crate::health::routes,
    public_paths: crate::health::PATHS,
    ..Area::new("ops", "运维")
};
