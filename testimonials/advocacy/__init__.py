"""The advocate program: how often we ask each advocate, whether testimonials still
come from customers, NPS, referrals and the numbers editors watch."""
