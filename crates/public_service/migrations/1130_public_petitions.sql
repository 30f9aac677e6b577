-- 局长信箱与信访: letters written through the public mailbox, and letters,
-- visits and calls registered by the 办公室 (局长接待日 with the leader who
-- received). A case is assigned to a section with the deadlines of the
-- time limits, answered by a reply drafted in the section and approved by
-- another person, and rated once by the writer. The query code and the
-- form's idempotency token are stored hashed.
CREATE TABLE public_petitions (
    id {{ID}},
    ref_no TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    received_by TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    id_number TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL,
    subject TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    received_on DATE NOT NULL,
    accept_by DATE NOT NULL,
    section TEXT,
    assigned_at TIMESTAMPTZ,
    reply_by DATE,
    extended BOOLEAN NOT NULL DEFAULT FALSE,
    extension_reason TEXT NOT NULL DEFAULT '',
    reject_reason TEXT NOT NULL DEFAULT '',
    reply_text TEXT NOT NULL DEFAULT '',
    reply_author BIGINT,
    reply_approver BIGINT,
    replied_on DATE,
    satisfaction TEXT,
    public_subject TEXT NOT NULL DEFAULT '',
    public_text TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMPTZ,
    query_hash TEXT NOT NULL,
    form_hash TEXT UNIQUE,
    source_ip TEXT,
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX public_petitions_status ON public_petitions (status, section);
CREATE INDEX public_petitions_phone ON public_petitions (phone, created_at);
CREATE INDEX public_petitions_received ON public_petitions (received_on);
CREATE INDEX public_petitions_published ON public_petitions (published_at);

-- 信访编号: the last number given in each year (XF2026-000123).
CREATE TABLE public_petition_numbers (
    year INTEGER PRIMARY KEY,
    last BIGINT NOT NULL
);
