//! Running edubureau for real (运维, the 信息中心's side of the program):
//! consistent backups and their restore into either database. Knows no
//! work area: it reads the tables from the database's own catalogue.

pub mod backup;
