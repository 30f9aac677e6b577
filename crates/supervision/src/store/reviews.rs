//! Storage of supervision reviews (发展性督导, 专项督导) on the inspection mechanism, the start page and indicators.
