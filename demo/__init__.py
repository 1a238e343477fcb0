"""Demo content for a local marketplace: sellers, products, stories, accounts and their pictures."""
