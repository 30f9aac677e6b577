//! Storage of participation by street, age and course type, the monthly report and the indicators of the area.
