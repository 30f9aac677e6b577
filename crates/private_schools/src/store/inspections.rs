//! Storage of annual inspection (年检) and kindergarten grading (等级验收) of private institutions, notices of results (通报).
