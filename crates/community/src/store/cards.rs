//! Storage of learning cards (学习卡): registration at a desk or online, the citizen's card login and own page, enrolment and cancellation.
