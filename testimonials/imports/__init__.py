"""CSV imports in the admin: the customer list that invitation campaigns reach, and the
reviews customers already wrote on other sites. Both read a file the same way
(csv_files), show what it would change before anything is stored, and apply it in one
transaction only when an editor confirms (views)."""
