"""Optional services for running more than one app server, each switched on by
environment variables (docs/deploying.md). Unset, Candor uses its
embedded defaults: local files, the database's own search, no CDN."""

SEARCH_BACKENDS = {
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}
# Analysers for Japanese: the name in SEARCH_ANALYZER, then its definition.
SEARCH_ANALYZERS = {
    # kuromoji_tokenizer, kuromoji_baseform, kuromoji_part_of_speech, cjk_width, ja_stop,
    # kuromoji_stemmer and lowercase, in the "search" mode that also indexes the parts of
    # a compound (電話チャネル as 電話 and チャネル).
    "kuromoji": {"type": "kuromoji", "mode": "search"},
    "standard": {"type": "standard"},
}
FRONTEND_CACHES = {
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
}


def _list(value):
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def media_storage(env):
    """Uploaded images on S3-compatible storage (django-storages) when a bucket is named;
    credentials come from the usual AWS variables or the machine's role."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        "custom_domain": env.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "file_overwrite": False,
        # Images are public; signed URLs would defeat every cache in front of them.
        "querystring_auth": False,
    }
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {key: value for key, value in options.items() if value is not None},
    }


def private_media_storage(env):
    """Files nobody may fetch by address: PRIVATE_MEDIA_ROOT on this machine, or with
    S3 a bucket (AWS_PRIVATE_STORAGE_BUCKET_NAME; by default the media bucket's
    ``private/`` prefix, which its policy must not make public) read with signed requests."""
    bucket = env.get("AWS_PRIVATE_STORAGE_BUCKET_NAME") or env.get("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return {"BACKEND": "home.uploads.PrivateFileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "location": "private",
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
    }
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {key: value for key, value in options.items() if value is not None},
    }


def search_backends(env):
    """Wagtail search: OpenSearch or Elasticsearch when SEARCH_BACKEND names one, else
    the database (PostgreSQL full-text search or SQLite FTS5, through Candor's backend that
    reads Japanese words and takes quotes as typed)."""
    kind = env.get("SEARCH_BACKEND", "database")
    if kind == "database":
        return {"default": {"BACKEND": "home.search_backend"}}
    if kind not in SEARCH_BACKENDS:
        raise ValueError(
            f"SEARCH_BACKEND={kind!r}: use database or one of {', '.join(SEARCH_BACKENDS)}."
        )
    return {
        "default": {
            "BACKEND": SEARCH_BACKENDS[kind],
            "URLS": _list(env.get("SEARCH_URLS")) or ["http://localhost:9200"],
            "INDEX": env.get("SEARCH_INDEX", "candor"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": index_settings(env.get("SEARCH_ANALYZER", "kuromoji")),
        }
    }


def index_settings(analyzer):
    """The index's default analyser, for every text field and every query. One index
    holds both languages, so it must read Japanese, which has no spaces between words:
    ``kuromoji`` (the analysis-kuromoji plugin) cuts Japanese into dictionary words, makes
    full-width and half-width forms one (ＳＳＯ is SSO, ｻﾎﾟｰﾄ is サポート), lowercases Latin
    words and leaves them whole. ``standard`` is the engine's own, for a cluster without
    the plugin: it finds Japanese only character by character, in any order."""
    if analyzer not in SEARCH_ANALYZERS:
        raise ValueError(f"SEARCH_ANALYZER={analyzer!r}: use one of {', '.join(SEARCH_ANALYZERS)}.")
    return {"settings": {"analysis": {"analyzer": {"default": SEARCH_ANALYZERS[analyzer]}}}}


def frontend_caches(env):
    """A CDN or caching proxy in front of the app servers, purged by Wagtail's frontend
    cache module whenever Candor purges its own page cache."""
    kind = env.get("FRONTEND_CACHE")
    if not kind:
        return {}
    if kind not in FRONTEND_CACHES:
        raise ValueError(f"FRONTEND_CACHE={kind!r}: use one of {', '.join(FRONTEND_CACHES)}.")
    params = {"BACKEND": FRONTEND_CACHES[kind]}
    if kind == "cloudflare":
        params |= {
            "BEARER_TOKEN": env["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": env["CLOUDFLARE_ZONEID"],
        }
    elif kind == "cloudfront":
        params |= {"DISTRIBUTION_ID": env["CLOUDFRONT_DISTRIBUTION_ID"]}
    else:
        params |= {"LOCATION": env["FRONTEND_CACHE_LOCATION"]}
    return {"default": params}
