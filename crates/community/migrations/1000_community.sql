-- 社区教育·终身学习: the records every part of the area shares. Each part
-- adds its own tables in its own migrations.

-- 学习卡: one per citizen (id_number is unique). A card registered online
-- is verified (verified_on) at its holder's first attendance; a card made at
-- a desk is verified when made. `township_id` is the street or town the
-- holder lives in, `community` the neighbourhood committee (社区/村).
CREATE TABLE community_cards (
    id {{ID}},
    card_no TEXT NOT NULL UNIQUE,
    id_number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sex TEXT NOT NULL CHECK (sex IN ('m', 'f')),
    birth_date DATE NOT NULL,
    phone TEXT NOT NULL,
    township_id BIGINT NOT NULL REFERENCES townships (id),
    community TEXT NOT NULL DEFAULT '',
    issued_by BIGINT REFERENCES institutions (id),
    registered_via TEXT NOT NULL CHECK (registered_via IN ('desk', 'online')),
    verified_on DATE,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_cards_township ON community_cards (township_id);
CREATE INDEX community_cards_phone ON community_cards (phone);

-- 课程: offered by a community college, school or teaching point (an
-- institution of the registry). `kind` is the course type of the analytics.
CREATE TABLE community_courses (
    id {{ID}},
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('culture', 'health', 'arts', 'skills', 'digital', 'parenting', 'citizenship', 'other')),
    description TEXT NOT NULL DEFAULT '',
    hours_per_session INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_courses_institution ON community_courses (institution_id);

-- 班次: one run of a course with its places. `enrolled` counts the active
-- enrolments; the CHECK makes overbooking impossible even under concurrent
-- enrolment (enrol = UPDATE ... SET enrolled = enrolled + 1 WHERE id = $1
-- AND enrolled < capacity, then INSERT the enrolment, in one transaction).
CREATE TABLE community_sessions (
    id {{ID}},
    course_id BIGINT NOT NULL REFERENCES community_courses (id),
    institution_id BIGINT NOT NULL REFERENCES institutions (id),
    title TEXT NOT NULL,
    teacher_id BIGINT,
    place TEXT NOT NULL DEFAULT '',
    first_day DATE NOT NULL,
    last_day DATE NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    enrolled INTEGER NOT NULL DEFAULT 0 CHECK (enrolled >= 0 AND enrolled <= capacity),
    enrol_open BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (first_day <= last_day)
);
CREATE INDEX community_sessions_course ON community_sessions (course_id);
CREATE INDEX community_sessions_institution ON community_sessions (institution_id, first_day);

-- 课表: the meetings of a session; attendance is taken per meeting.
CREATE TABLE community_meetings (
    id {{ID}},
    session_id BIGINT NOT NULL REFERENCES community_sessions (id),
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX community_meetings_session ON community_meetings (session_id, starts_at);

-- 报名: a card enrolled in a session once (a cancelled enrolment is kept
-- with its status; enrolling again reopens it).
CREATE TABLE community_enrolments (
    id {{ID}},
    session_id BIGINT NOT NULL REFERENCES community_sessions (id),
    card_id BIGINT NOT NULL REFERENCES community_cards (id),
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'cancelled')),
    enrolled_at TIMESTAMPTZ NOT NULL,
    cancelled_at TIMESTAMPTZ,
    UNIQUE (session_id, card_id)
);
CREATE INDEX community_enrolments_card ON community_enrolments (card_id);

-- 考勤: a card's attendance at one meeting, with the minutes it counts
-- towards the card's learning hours.
CREATE TABLE community_attendance (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES community_meetings (id),
    session_id BIGINT NOT NULL REFERENCES community_sessions (id),
    card_id BIGINT NOT NULL REFERENCES community_cards (id),
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    attended_at TIMESTAMPTZ NOT NULL,
    recorded_by BIGINT,
    UNIQUE (meeting_id, card_id)
);
CREATE INDEX community_attendance_card ON community_attendance (card_id, attended_at);

-- 学分银行: the credit ledger of a card. Each source (hours converted for a
-- session, a certificate recognised) credits a card once, so converting the
-- same thing twice is refused by the key.
CREATE TABLE community_credits (
    id {{ID}},
    card_id BIGINT NOT NULL REFERENCES community_cards (id),
    source TEXT NOT NULL CHECK (source IN ('hours', 'certificate', 'adjustment')),
    source_ref TEXT NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0,
    credits_tenths INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    booked_at TIMESTAMPTZ NOT NULL,
    booked_by BIGINT,
    UNIQUE (card_id, source, source_ref)
);

-- 证书: issued by the area (a session completed, a training passed) or
-- recognised from outside (`recognised` true).
CREATE TABLE community_certificates (
    id {{ID}},
    card_id BIGINT NOT NULL REFERENCES community_cards (id),
    number TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('course', 'training', 'recognised')),
    session_id BIGINT REFERENCES community_sessions (id),
    issued_on DATE NOT NULL,
    issued_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX community_certificates_card ON community_certificates (card_id);
