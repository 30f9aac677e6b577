//! Pure rules of distance-learning resources, events and honours, adult and vocational training and early-education services.
