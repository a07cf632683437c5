"""What search engines and answer engines read: meta tags, canonical URLs,
schema.org descriptions, breadcrumbs, the sitemap and robots.txt."""
