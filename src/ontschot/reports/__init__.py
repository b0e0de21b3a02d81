"""Generic report writers: titled tables and SVG charts to CSV, XLSX and PDF (ADR 0022)."""
