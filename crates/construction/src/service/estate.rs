//! Services of school buildings (校舍) and the 危房 list, equipment and assets, procurement and joint acceptance.
