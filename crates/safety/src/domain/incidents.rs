//! Pure rules of incidents (安全事故) and epidemic reports (疫情报告): cases by institution and day, plan activation, closing.
