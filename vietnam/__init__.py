"""Plain helpers of a marketplace in Việt Nam, importing no app of ours: the 2025 administrative
units, text folding and slugs, mobile numbers, money in whole đồng, full links to the site, and
background work tried again when it fails."""
