-- 通知公告: a notice from the bureau to institutions (sender_section set:
-- the section key, or 'leadership') or from an institution to its pupils'
-- parents (sender_institution_id set). `audience` names who it is for:
-- 'all', 'category' (value: the category key), 'township' (value: its id),
-- 'chosen' (value: the institution ids, comma separated); for parents
-- 'school', 'grade' (value: the grade), 'class' (value: grade:class name).
CREATE TABLE public_notices (
    id {{ID}},
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    sender_section TEXT,
    sender_institution_id BIGINT REFERENCES institutions (id),
    audience TEXT NOT NULL,
    audience_value TEXT NOT NULL DEFAULT '',
    audience_label TEXT NOT NULL,
    recipients BIGINT NOT NULL DEFAULT 0,
    sent_by BIGINT,
    sent_at TIMESTAMPTZ NOT NULL,
    reminded_at TIMESTAMPTZ,
    reminders BIGINT NOT NULL DEFAULT 0,
    CHECK ((sender_section IS NULL) <> (sender_institution_id IS NULL))
);
CREATE INDEX public_notices_sender ON public_notices (sender_institution_id);

-- 回执: one row per recipient institution of a bureau notice, written in
-- one statement when the notice is sent; read_at/read_by when one of the
-- institution's accounts confirms having read it.
CREATE TABLE public_notice_receipts (
    notice_id BIGINT NOT NULL REFERENCES public_notices (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    read_by BIGINT,
    read_at TIMESTAMPTZ,
    PRIMARY KEY (notice_id, institution_id)
);
CREATE INDEX public_notice_receipts_inbox ON public_notice_receipts (institution_id, notice_id);

-- A parent's confirmation of a notice to parents, one per pupil.
CREATE TABLE public_parent_receipts (
    notice_id BIGINT NOT NULL REFERENCES public_notices (id),
    student_id BIGINT NOT NULL REFERENCES students (id),
    confirmed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (notice_id, student_id)
);

-- The short code of a class's page for parents (/open/class/<code>).
CREATE TABLE public_class_links (
    code TEXT PRIMARY KEY,
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    grade BIGINT NOT NULL,
    class_name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (institution_id, grade, class_name)
);
