//! Services of the registry of unlicensed kindergartens (无证幼儿园): status, visits, rectification, closure.
