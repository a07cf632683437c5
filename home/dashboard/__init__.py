"""The editors' dashboard on the Wagtail admin home: what is waiting for them, the
advocate program's state and its trends. Each panel is shown to the users who can act
on it, and costs a fixed number of queries however much data there is."""
