//! Storage of the director's mailbox (局长信箱) and petitions (信访): the public form, reception days, assignment, replies, publication, satisfaction.
