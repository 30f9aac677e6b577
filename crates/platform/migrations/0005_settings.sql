-- 局设置: bureau policy settings changed at runtime by leadership (the
-- promotion window, whether an aid batch needs a second approver …), one
-- row per setting that differs from its default.
CREATE TABLE platform_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by BIGINT
);
