-- The district this bureau serves: its GB/T 2260 county code and its
-- townships and streets (乡镇/街道).
CREATE TABLE district (
    id {{ID}},
    division_code TEXT NOT NULL,
    name TEXT NOT NULL,
    bureau_name TEXT NOT NULL
);

CREATE TABLE townships (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('street', 'town', 'township')),
    urban_rural TEXT NOT NULL CHECK (urban_rural IN ('urban', 'town', 'rural'))
);
