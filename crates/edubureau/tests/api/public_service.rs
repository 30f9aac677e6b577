//! The 家校与政务 area: notices, disclosure, petitions and official documents.

mod disclosure;
mod documents;
mod notices;
mod petitions;
