//! Work area 12 (体质健康): students' physical fitness tests scored under
//! the 国家学生体质健康标准 (2014年修订), whose tables are compiled in from
//! `data/standards/fitness/` and never retyped.

pub mod domain;
