"""The results monitor: durable work, retention and cost per chain, partner and financier."""
