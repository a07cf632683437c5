"""The advocate program: how often we ask each advocate (advocates), reference requests
(references), whether testimonials still come from customers (reconfirmation), the NPS
survey (nps), referral links (referrals), demo requests (demo_requests), and what
editors see of it in the admin (panels, viewsets, reports)."""
