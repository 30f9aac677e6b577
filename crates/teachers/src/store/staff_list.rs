//! The teachers area: staff_list.
