//! Storage of quality monitoring (国家义务教育质量监测) results per school and subject.
