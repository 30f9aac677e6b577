//! Storage of official documents (电子公文): drafting, approval (拟稿→核稿→签发), numbering, issue and receipt, incoming documents.
