"""Labour-market insight: tightness and mismatch per occupation in the region."""
