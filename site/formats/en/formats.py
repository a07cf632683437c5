# Dates as readers outside the US expect them: 25 November 2026, 25 Nov 2026.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
