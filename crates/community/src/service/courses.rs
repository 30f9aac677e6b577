//! Services of courses, the teachers' pool, sessions with places and a timetable, attendance, the credit bank (学分银行) and certificates.
