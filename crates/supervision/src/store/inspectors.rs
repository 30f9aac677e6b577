//! Storage of responsible inspectors (责任督学挂牌督导): assignments and visits.
