-- 电子公文: outgoing documents (发文) through 拟稿 → 核稿 → 签发, issued to
-- institutions and sections and signed for (签收); incoming documents
-- (收文) registered by the 办公室 and routed (拟办 → 领导批示 → 承办 → 办结).

-- 发文. `section` is the drafting section's key; `issuer` chooses the
-- number's prefix ('bureau' 浔教, 'office' 浔教办). The number (prefix,
-- year, seq) is given on 签发 and is never given twice.
CREATE TABLE public_documents (
    id {{ID}},
    doc_type TEXT NOT NULL,
    issuer TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    section TEXT NOT NULL,
    status TEXT NOT NULL,
    prefix TEXT,
    year INTEGER,
    seq INTEGER,
    drafted_by BIGINT,
    drafter_name TEXT NOT NULL,
    drafted_on DATE NOT NULL,
    signed_by BIGINT,
    signed_on DATE,
    receipt_due DATE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (prefix, year, seq)
);
CREATE INDEX public_documents_status ON public_documents (status, section);

-- 主送/抄送: an institution or a section; an institution signs for the
-- document (签收) by `due_on`.
CREATE TABLE public_document_recipients (
    id {{ID}},
    document_id BIGINT NOT NULL REFERENCES public_documents (id),
    copy_only BOOLEAN NOT NULL,
    institution_id BIGINT REFERENCES institutions (id),
    section TEXT,
    due_on DATE,
    signed_on DATE,
    signed_at TIMESTAMPTZ,
    signed_by BIGINT,
    signer_name TEXT,
    CHECK ((institution_id IS NULL) <> (section IS NULL))
);
CREATE INDEX public_document_recipients_document ON public_document_recipients (document_id);
CREATE INDEX public_document_recipients_institution ON public_document_recipients (institution_id, signed_on);

-- 收文.
CREATE TABLE public_incoming (
    id {{ID}},
    sender TEXT NOT NULL,
    their_number TEXT NOT NULL,
    title TEXT NOT NULL,
    received_on DATE NOT NULL,
    urgency TEXT NOT NULL,
    status TEXT NOT NULL,
    proposal TEXT,
    instruction TEXT,
    section TEXT,
    deadline DATE,
    outcome TEXT,
    done_on DATE,
    registered_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX public_incoming_status ON public_incoming (status, section);

-- Each step of a document's flow, outgoing ('outgoing') or incoming
-- ('incoming'), with who took it and their comment.
CREATE TABLE public_document_steps (
    id {{ID}},
    kind TEXT NOT NULL,
    document_id BIGINT NOT NULL,
    step TEXT NOT NULL,
    by_user BIGINT,
    by_name TEXT NOT NULL,
    comment TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX public_document_steps_document ON public_document_steps (kind, document_id);

-- 文号前缀 settings: a row overrides the code's default for an issuer.
CREATE TABLE public_document_prefixes (
    issuer TEXT PRIMARY KEY,
    prefix TEXT NOT NULL,
    updated_at TIMESTAMPTZ
);
