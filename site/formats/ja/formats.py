# Dates as Japanese readers write them: 2026年11月16日, 2026/11/16 (Django's own, kept
# here so the site's choice does not change with a Django upgrade).
DATE_FORMAT = "Y年n月j日"
SHORT_DATE_FORMAT = "Y/m/d"
YEAR_MONTH_FORMAT = "Y年n月"
MONTH_DAY_FORMAT = "n月j日"
DATETIME_FORMAT = "Y年n月j日G:i"
SHORT_DATETIME_FORMAT = "Y/m/d G:i"
