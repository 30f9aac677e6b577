//! Pure rules of exam results, score lines, students over each line by school and its change on last year, rankings and distributions.
