//! Tests of projects, phases, funding, contracts and payments.
