"""The source watcher: reads each page that facts cite, politely, and flags the facts
whose source no longer backs them (fetch.py reads, text.py compares, watch.py decides,
tasks.py runs it daily, reports.py shows editors what it found)."""
