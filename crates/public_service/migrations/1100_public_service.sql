-- 家校·政务: the records every part of the area shares. Each part adds its
-- own tables in its own migrations.

-- 附件: a file attached to a notice, a petition, a reply, a document or a
-- disclosure request. `subject` names the kind of record ('notice',
-- 'petition', 'reply', 'document', 'disclosure'), `subject_id` its id. The
-- type is read from the content (inspection::domain::evidence::check); the
-- file is stored base64.
CREATE TABLE public_files (
    id {{ID}},
    subject TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    uploaded_by BIGINT,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX public_files_subject ON public_files (subject, subject_id);

-- 办理时限: the bureau's settings for statutory and internal time limits,
-- in days (信访: 15 days to accept, 60 to reply, 30 more when extended;
-- 依申请公开: 20 working days, 20 more when extended), editable by the
-- 办公室. The defaults live in the code (a migration inserts no rows, so
-- a backup restores into a fresh schema); a row here overrides one.
CREATE TABLE public_time_limits (
    key TEXT PRIMARY KEY,
    days INTEGER NOT NULL CHECK (days > 0),
    working_days BOOLEAN NOT NULL DEFAULT FALSE,
    label TEXT NOT NULL,
    updated_at TIMESTAMPTZ
);
