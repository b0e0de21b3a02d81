"""Exchange with partners: schema.org JobPosting JSON-LD and CSV import and export."""
