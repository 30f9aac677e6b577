//! The one mechanism behind supervision (督导), private education (民办)
//! and campus safety (校园安全): inspect against an indicator framework
//! (评估标准和计分方法), record findings, order a fix by a deadline
//! (整改通知书), and verify it (复查). The areas build on it.

pub mod domain;
