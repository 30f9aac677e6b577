//! Services of notices (通知公告) from the bureau to institutions and from institutions to parents, with read receipts; the start page.
