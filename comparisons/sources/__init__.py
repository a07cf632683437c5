"""The source watcher: reads each page that facts cite, politely, and flags the facts
whose source no longer backs them (fetch.py reads, addresses.py and connection.py keep
it on the internet and within its deadline, robots.py obeys robots.txt, text.py
compares, watch.py decides, tasks.py runs it daily, reports.py shows editors what it found)."""
