-- 收费公示: an institution's fee items of a school year, each with its
-- standard (in fen), unit, the grades it applies to (comma separated, empty:
-- every grade) and its basis (the approving document).
CREATE TABLE public_fee_items (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    school_year BIGINT NOT NULL,
    item TEXT NOT NULL,
    standard_fen BIGINT NOT NULL CHECK (standard_fen >= 0),
    unit TEXT NOT NULL,
    grades TEXT NOT NULL DEFAULT '',
    basis TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (institution_id, school_year, item)
);

-- 主动公开目录: what the bureau publishes of its own accord.
CREATE TABLE public_catalogue (
    id {{ID}},
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    published_on DATE NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX public_catalogue_day ON public_catalogue (published_on);

-- 依申请公开: a request for disclosure. Its deadline is computed when it is
-- registered (time limit 'disclosure.reply', extended by
-- 'disclosure.extension'); a request without one cannot exist.
CREATE TABLE public_disclosure_requests (
    id {{ID}},
    requester TEXT NOT NULL,
    contact TEXT NOT NULL,
    content TEXT NOT NULL,
    received_on DATE NOT NULL,
    due_on DATE NOT NULL,
    extended BOOLEAN NOT NULL DEFAULT FALSE,
    outcome TEXT CHECK (outcome IN ('disclosed', 'partly', 'refused', 'nonexistent')),
    reason TEXT NOT NULL DEFAULT '',
    replied_on DATE,
    registered_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK ((outcome IS NULL) = (replied_on IS NULL)),
    CHECK (due_on >= received_on)
);
CREATE INDEX public_disclosure_requests_open ON public_disclosure_requests (replied_on, due_on);
