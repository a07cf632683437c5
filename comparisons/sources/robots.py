"""What a host's robots.txt lets the watcher read (RFC 9309), by its product token.

The rules are matched by the product token ``CandorSourceWatcher``, whatever the full
User-Agent says. A robots.txt the host does not have (4xx) allows everything; one it
refuses to show (401, 403) or cannot give (5xx, §2.3.1.4) disallows everything."""

from urllib.robotparser import RobotFileParser

AGENT_NAME = "CandorSourceWatcher"


def parsed_rules(robots_url, status, body):
    """The rules from an answer to ``robots_url``, or None when there are none."""
    rules = RobotFileParser(robots_url)
    rules.unavailable = ""
    if status in {401, 403}:
        rules.disallow_all = True
    elif status >= 500:
        rules.disallow_all = True
        rules.unavailable = f"HTTP {status}"
    elif 200 <= status < 300:
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
    else:
        return None
    return rules


def refusal(rules, url):
    """Why ``rules`` forbid the watcher ``url``, or "" when they let it read it."""
    if rules is None or rules.can_fetch(AGENT_NAME, url):
        return ""
    if rules.unavailable:
        return f"robots.txt was unavailable ({rules.unavailable}): nothing may be read"
    return f"robots.txt disallows {url}"
