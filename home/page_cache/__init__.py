"""Full-page caching for anonymous visitors that is never stale.

Every cached page is stored under a key that includes version numbers: one for the whole
site, one for each path the page's URL starts with (a page and everything below it) and
one for its exact path (with any query string). A change bumps the versions of the pages
that show it, so the next request misses and renders afresh; the old entries are never
read again and expire on their own. Versions are read when a request arrives and the
response is stored under those same versions, so a page rendered from data that changed
while it was rendering is stored under a key nobody will ask for.

The rest of the key is only what a page varies by: the site's host, the path, the query
parameters its page type declares and the encoding of the body (keys.py, parameters.py),
so what a visitor adds to a request cannot multiply the entries."""
